"""bench/synthetic.py: the benchmarks' synthetic articles."""

from bench.synthetic import main
from kb.articles.models import Article


def run(capsys, *args) -> str:
    main(list(args))
    return capsys.readouterr().out


def test_it_makes_published_articles_with_citations(db, capsys):
    assert "generated 5 synthetic articles (seed 3)" in run(capsys, "5", "--seed", "3")
    articles = list(Article.objects.published().filter(slug__startswith="synthetic-3-"))
    assert len(articles) == 5
    assert all(
        "《" in a.body and "》第" in a.body and a.body_html.startswith("<h2>") for a in articles
    )


def test_it_is_deterministic_and_safe_to_rerun(db, capsys):
    run(capsys, "4", "--seed", "7")
    first = sorted(Article.objects.values_list("slug", "title", "body"))
    run(capsys, "4", "--seed", "7")
    assert sorted(Article.objects.values_list("slug", "title", "body")) == first
    Article.objects.all().delete()
    run(capsys, "4", "--seed", "7")
    assert sorted(Article.objects.values_list("slug", "title", "body")) == first
