from kb.articles.models import Article
from kb.articles.slugs import pinyin_slug


def test_it_makes_pinyin_slugs_from_chinese_titles():
    assert pinyin_slug("借呗逾期了，花呗还能用吗？") == "jie-bei-yu-qi-le-hua-bei-hai-neng-yong-ma"


def test_it_keeps_ascii_and_digits():
    assert pinyin_slug("2026年LPR是多少") == "2026-nian-lpr-shi-duo-shao"


def test_it_falls_back_for_titles_without_letters():
    assert pinyin_slug("？？？") == "page"


def test_it_fills_a_blank_slug_and_keeps_it_unique(make_article):
    first = make_article(title="逾期多久会上征信？", slug="")
    second = make_article(title="逾期多久会上征信？", slug="")
    assert first.slug == "yu-qi-duo-jiu-hui-shang-zheng-xin"
    assert second.slug == "yu-qi-duo-jiu-hui-shang-zheng-xin-2"
    assert Article.objects.filter(slug__startswith="yu-qi-duo-jiu").count() == 2


def test_it_keeps_an_editors_slug(make_article):
    assert make_article(title="砍头息", slug="kantouxi").slug == "kantouxi"
