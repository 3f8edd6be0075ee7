"""The index follows content as editors save, publish, schedule and delete it."""

from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kb.articles.models import FAQ, Article
from kb.search.backends import search
from kb.search.models import SearchDocument


def titles(q: str) -> list[str]:
    return [h.title for h in search(q).hits]


@pytest.fixture
def law(db):
    from kb.laws.models import Law

    return Law.objects.create(
        slug="zhengxin-tiaoli",
        title="征信业管理条例",
        short_title="征信业管理条例",
        kind=Law.Kind.LAW,
        source="测试",
    )


def test_it_indexes_an_article_when_published(make_article):
    article = make_article(title="砍头息怎么算", status=Article.Status.DRAFT)
    assert titles("砍头息") == []
    article.status = Article.Status.PUBLISHED
    article.save()
    assert titles("砍头息") == ["砍头息怎么算"]


def test_it_drops_an_article_when_unpublished_or_deleted(make_article):
    article = make_article(title="砍头息怎么算")
    article.status = Article.Status.REVIEW
    article.save()
    assert titles("砍头息") == []
    article.status = Article.Status.PUBLISHED
    article.save()
    article.delete()
    assert titles("砍头息") == [] and not SearchDocument.objects.exists()


def test_it_hides_a_scheduled_article_until_its_time(make_article):
    make_article(title="征信异议怎么提", published_at=timezone.now() + timezone.timedelta(hours=2))
    assert titles("征信异议") == []
    later = timezone.now() + timezone.timedelta(hours=3)
    with mock.patch("kb.search.backends.timezone.now", return_value=later):
        assert titles("征信异议") == ["征信异议怎么提"]


def test_it_follows_faqs_and_category_names(make_article, category):
    article = make_article(title="信用卡逾期会怎样")
    FAQ.objects.create(
        article=article, question="停息挂账是什么？", answer="与银行协商暂停计息、分期还本。"
    )
    assert titles("停息挂账") == ["信用卡逾期会怎样"]
    category.name = "信用卡问题"
    category.save()
    assert search("信用卡逾期").hits[0].category == "信用卡问题"


def test_it_follows_provision_edits(law):
    from kb.laws.models import Provision

    provision = Provision.objects.create(
        law=law, number=16, label="第十六条", text="保存期限为5年。"
    )
    assert titles("不良信息") == []
    provision.text = "征信机构对个人不良信息的保存期限，自不良行为或者事件终止之日起为5年。"
    provision.save()
    assert titles("不良信息") == ["《征信业管理条例》第十六条"]
    provision.delete()
    assert titles("不良信息") == []


def test_it_indexes_only_published_guide_trees(db):
    from kb.guide.models import Tree

    tree = Tree.objects.create(slug="cuishou-saorao-zenme-ban", title="遇到催收骚扰怎么办？")
    assert titles("催收骚扰") == []
    tree.status = Tree.Status.PUBLISHED
    tree.save()
    assert titles("催收骚扰") == ["遇到催收骚扰怎么办？"]
    assert search("催收骚扰").hits[0].url == "/guide/cuishou-saorao-zenme-ban/"


def test_rebuild_command_is_idempotent(make_article, law):
    from kb.laws.models import Provision

    make_article(title="借呗逾期会有哪些后果")
    make_article(title="草稿", status=Article.Status.DRAFT)
    Provision.objects.create(law=law, number=16, label="第十六条", text="不良信息保存五年。")
    SearchDocument.objects.all().delete()
    assert titles("借呗") == []
    for _ in range(2):
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        assert "indexed 1 articles, 1 provisions, 0 guide trees" in out.getvalue()
    assert SearchDocument.objects.count() == 2
    assert titles("借呗逾期") == ["借呗逾期会有哪些后果"]


def test_load_content_orders_search_after_guide():
    from kb.site.content import FIXTURE_ORDER

    assert FIXTURE_ORDER.index("search") == FIXTURE_ORDER.index("guide") + 1


@pytest.mark.postgres
def test_it_keeps_an_article_s_words_inside_its_row(make_article):
    """Ranking reads every candidate's vector: on PostgreSQL it must not sit in TOAST
    (fetched and reassembled per row) or be compressed (migration 0004)."""

    from bench.synthetic import SENTENCES, SUBJECTS

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL row storage; SQLite keeps words in its FTS5 table")

    body = "\n\n".join(s.format(s=subject, e="逾期") for subject in SUBJECTS[:4] for s in SENTENCES)
    article = make_article(title="借呗逾期会有哪些后果？", body=body)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(vector), pg_column_size(vector || ''::tsvector) "
            "FROM search_searchdocument WHERE object_id = %s",
            [article.pk],
        )
        stored, plain = cursor.fetchone()
        cursor.execute(
            "SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'search_searchdocument'"
        )
        (toast,) = cursor.fetchone()
        cursor.execute(f"SELECT count(*) FROM {toast}")
        (chunks,) = cursor.fetchone()
    assert plain > 2500  # big enough to have been moved out of a 2 kB row before
    assert stored == plain and chunks == 0


def test_it_leaves_no_words_behind_for_a_dropped_page(make_article):
    """On SQLite the words live in search_fts: a page dropped from the index takes its words
    with it, or they would crowd real pages out of the candidates a search ranks."""
    article = make_article(title="砍头息怎么算")
    article.status = Article.Status.DRAFT
    article.save()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_fts"
                " WHERE rowid NOT IN (SELECT id FROM search_searchdocument)"
            )
            assert cursor.fetchone()[0] == 0
    assert titles("砍头息") == []
