"""Stored article pages (kb/articles/stored_page.py): a reader the page cache cannot answer is
served the stored rendering in one query, and every edit shows on the next request."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from kb.articles import pages, stored_page
from kb.articles.models import FAQ, Article, ArticlePage, Category, Tag
from kb.core import release
from kb.core.models import ContentVersion
from kb.core.pagecache import forget_stored_pages
from kb.laws.models import Law
from tests.laws.factories import make_law, make_provisions
from tests.page_queries import page_queries

pytestmark = pytest.mark.django_db

BODY = "## 法律依据\n\n依据《民法典》第六百七十五条。"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view


@pytest.fixture
def cited(make_article):
    law = make_law()
    make_provisions(law, [675])
    return make_article(title="借款到期还不上怎么办？", body=BODY)


def page(client, article, **extra) -> str:
    response = client.get(article.get_absolute_url(), **extra)
    assert response.status_code == 200
    return response.content.decode()


def served_stored(client, article, django_assert_num_queries, **extra) -> str:
    """The page, asserting it came from the stored rendering: the article with its stored
    page and its links, and nothing else."""
    with django_assert_num_queries(1):
        return page(client, article, **extra)


def test_it_serves_the_stored_page_in_two_queries_and_the_same_html(
    client, cited, django_assert_num_queries
):
    first = page(client, cited)
    assert ArticlePage.objects.filter(article=cited).count() == 1
    assert served_stored(client, cited, django_assert_num_queries) == first
    assert "借款到期还不上怎么办？" in first and "第六百七十五条的第一款原文。" in first


def test_it_shows_an_edit_of_the_article_on_the_next_request(client, cited):
    page(client, cited)
    cited.title = "改过的标题"
    cited.save()
    assert "<h1>改过的标题</h1>" in page(client, cited)  # the stored part, not just <title>


def test_it_shows_faq_changes(client, cited):
    page(client, cited)
    faq = FAQ.objects.create(article=cited, question="会上征信吗？", answer="会。")
    assert "会上征信吗？" in page(client, cited)
    faq.answer = "逾期记录会报送。"
    faq.save()
    assert "逾期记录会报送。" in page(client, cited)
    faq.delete()
    assert "会上征信吗？" not in page(client, cited)


def test_it_shows_a_changed_statute_text_and_law_status(client, cited):
    page(client, cited)
    provision = cited.provisions.get()
    provision.text = "修改后的条文原文。"
    provision.save()
    assert "修改后的条文原文。" in page(client, cited)
    law = provision.law
    law.status = Law.Status.REPEALED
    law.save()
    assert law.get_status_display() in page(client, cited)


def test_it_shows_renamed_categories_and_tags(client, cited):
    tag = Tag.objects.create(name="征信")
    cited.tags.add(tag)
    assert "征信" in page(client, cited)
    tag.name = "信用报告"
    tag.save()
    assert "信用报告" in page(client, cited)
    category = Category.objects.get(pk=cited.category_id)
    category.name = "改名的分类"
    category.save()
    assert "改名的分类" in page(client, cited)
    cited.tags.remove(tag)
    assert "信用报告" not in page(client, cited)


def test_an_edit_leaves_other_articles_own_text_stored(client, cited, make_article):
    other = make_article(title="另一篇")
    page(client, other)
    cited.title = "改过的标题"
    cited.save()
    FAQ.objects.create(article=cited, question="新问题", answer="回答")
    # Its links are found again (any article may have changed them), its text is not rendered.
    statements = page_queries(client, other.get_absolute_url())
    assert len(statements) == 3, statements  # the article, its links, storing them
    own_text = ("articles_faq", '"articles_articlecitation"."id"')  # its FAQ, its citations
    assert not any(table in s for s in statements for table in own_text), statements
    assert "另一篇" in page(client, other)


def test_it_lists_a_newly_published_article_on_the_next_request(client, cited, make_article):
    page(client, cited)
    make_article(title="刚发布的文章")
    assert "刚发布的文章" in page(client, cited).split('class="latest"')[1]


def test_a_scheduled_article_is_listed_once_its_time_has_come(client, cited, make_article):
    later = timezone.now() + timezone.timedelta(hours=1)
    make_article(title="定时发布的文章", published_at=later)
    assert "定时发布的文章" not in page(client, cited)
    # The hour passes: nothing is saved, the article's time and the recorded one are past.
    past = timezone.now() - timezone.timedelta(seconds=1)
    Article.objects.filter(title="定时发布的文章").update(published_at=past)
    ContentVersion.objects.filter(pk=1).update(next_publication=past)
    assert "定时发布的文章" in page(client, cited).split('class="latest"')[1]
    assert ContentVersion.objects.get(pk=1).next_publication is None


def test_a_render_that_raced_an_edit_is_never_served(client, cited):
    """A reader reads the article, an editor saves a new title before the reader stores its
    page: the stored page names the old title but is not used."""
    request = RequestFactory().get(cited.get_absolute_url())
    found = stored_page.lookup(request, cited.slug)
    old_parts = stored_page.render_parts(request, pages.parts_context(found.article, request))
    old_links = stored_page.render_links(request, pages.discovery_context(found.article))
    cited.title = "编辑刚改的标题"
    cited.save()
    stored_page.store(request, found, old_parts, old_links)
    assert "<h1>编辑刚改的标题</h1>" in page(client, cited)


def test_a_save_of_a_stale_copy_still_shows(client, cited):
    """An editor's form holds the article as loaded; a FAQ is added and the page stored;
    then the form saves its copy. The title it saves shows, though its copy was older."""
    held = Article.objects.get(pk=cited.pk)
    faq = FAQ.objects.create(article=cited, question="期间加的问题", answer="回答")
    faq.answer = "改过的回答"  # as many changes meanwhile as a save makes itself
    faq.save()
    assert "期间加的问题" in page(client, cited)
    held.title = "表单里改的标题"
    held.save()
    html = page(client, cited)
    assert "<h1>表单里改的标题</h1>" in html and "期间加的问题" in html


def test_a_written_back_key_is_followed_by_one_never_used_before(cited):
    """Saving a stale copy writes its old render_key back; the key set after the save must
    not be one a page may have been stored under since (as a counter's next value would be)."""
    seen = []
    for _ in range(3):
        forget_stored_pages([cited.pk])
        seen.append(Article.objects.get(pk=cited.pk).render_key)
    Article.objects.filter(pk=cited.pk).update(render_key=seen[0])  # the stale copy's save
    forget_stored_pages([cited.pk])
    assert Article.objects.get(pk=cited.pk).render_key not in seen


def test_a_new_release_renders_afresh(client, cited, monkeypatch):
    page(client, cited)
    request = RequestFactory().get(cited.get_absolute_url())
    assert stored_page.lookup(request, cited.slug).parts is not None
    monkeypatch.setattr(release, "release_id", lambda: "another-release")
    assert stored_page.lookup(request, cited.slug).parts is None
    page(client, cited)
    assert ArticlePage.objects.get(article=cited).release == "another-release"


def test_each_host_and_script_gets_its_own_links(client, cited, django_assert_num_queries):
    page(client, cited)
    page(client, cited, HTTP_HOST="localhost")
    plain = served_stored(client, cited, django_assert_num_queries)
    other = served_stored(client, cited, django_assert_num_queries, HTTP_HOST="localhost")
    url = cited.get_absolute_url()
    assert f'value="http://testserver{url}"' in plain
    assert f'value="http://localhost{url}"' in other
    hant = client.get("/zh-hant" + url).content.decode()
    assert f'value="http://testserver/zh-hant{url}"' in hant
    assert ArticlePage.objects.filter(article=cited).count() == 3


def test_it_stops_serving_an_unpublished_article(client, cited):
    page(client, cited)
    cited.status = Article.Status.DRAFT
    cited.save()
    assert client.get(cited.get_absolute_url()).status_code == 404


def test_staff_previews_are_never_stored(staff_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert "预览" in page(staff_client, draft)
    assert not ArticlePage.objects.exists()


def test_it_can_be_switched_off(client, cited, settings):
    settings.STORED_ARTICLE_PAGES = False
    assert "<h1>借款到期还不上怎么办？</h1>" in page(client, cited)
    assert not ArticlePage.objects.exists()


@pytest.mark.postgres
def test_a_page_that_cannot_be_stored_is_still_served(client, cited, caplog):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the refusing trigger is PostgreSQL's")
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'read-only'; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON articles_articlepage "
            "FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    assert "<h1>借款到期还不上怎么办？</h1>" in page(client, cited)
    assert "<h1>借款到期还不上怎么办？</h1>" in page(client, cited)
    assert not ArticlePage.objects.exists()
    assert "could not store the page" in caplog.text
