"""What a legal editor meets in the article admin: help texts, live preview, the slug filled
from the title, list filters and search, and the publish / unpublish actions."""

import pytest
from django.urls import reverse

from kb.articles.models import Article
from tests.articles.test_publish_permissions import add_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_client(client, role_user):
    client.force_login(role_user("审核"))
    return client


def test_the_form_explains_each_field_and_previews_markdown(reviewer_client):
    html = reviewer_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "留空则按标题拼音自动生成" in html
    assert "两到四句话直接回答标题的问题" in html
    assert "引用条文写成《民法典》第六百七十五条，会自动链接并核对" in html
    assert 'class="markdownx' in html and "markdownx-preview" in html
    assert reverse("markdownx_markdownify") in html


def test_a_blank_slug_becomes_the_pinyin_of_the_title(reviewer_client, category):
    data = add_form(
        reviewer_client,
        title="借呗逾期一天会上征信吗？",
        slug="",
        category=str(category.pk),
        short_answer="通常不会立即上报。",
        body="## 要点\n\n见《民法典》第六百七十五条。",
        status="draft",
    )
    response = reviewer_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.slug == "jie-bei-yu-qi-yi-tian-hui-shang-zheng-xin-ma"
    assert "<h2" in article.body_html


def test_the_list_filters_and_searches(reviewer_client, make_article):
    make_article(title="花呗逾期怎么办", status=Article.Status.DRAFT)
    make_article(title="信用卡逾期的后果", needs_review=True)
    changelist = reverse("admin:articles_article_changelist")

    def titles(query: str) -> set[str]:
        html = reviewer_client.get(changelist + query).content.decode()
        return {t for t in ("花呗逾期怎么办", "信用卡逾期的后果") if t in html}

    assert titles("?q=花呗") == {"花呗逾期怎么办"}
    assert titles("?status__exact=draft") == {"花呗逾期怎么办"}
    assert titles("?needs_review__exact=1") == {"信用卡逾期的后果"}
    assert titles("") == {"花呗逾期怎么办", "信用卡逾期的后果"}


def test_the_unpublish_action_takes_an_article_off_the_site(client, role_user, make_article):
    article = make_article(title="要撤回的文章")
    assert client.get(article.get_absolute_url()).status_code == 200
    client.force_login(role_user("审核"))
    changelist = reverse("admin:articles_article_changelist")
    assert 'value="unpublish"' in client.get(changelist).content.decode()
    client.post(changelist, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
