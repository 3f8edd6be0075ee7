"""Only the 审核 group publishes; 编辑 writes drafts and submits them for review."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kb.articles.models import Article
from tests.admin_form import form_data


def add_form(client, **overrides) -> dict:
    page = client.get(reverse("admin:articles_article_add"))
    assert page.status_code == 200
    return form_data(page.content.decode(), "article_form", **overrides)


def new_article_data(client, category, status) -> dict:
    return add_form(
        client,
        title="借呗逾期一天会上征信吗？",
        category=str(category.pk),
        short_answer="通常不会立即上报。",
        body="## 要点\n\n正文。",
        status=status,
    )


@pytest.fixture
def editor_client(client, role_user):
    client.force_login(role_user("编辑"))
    return client


@pytest.fixture
def reviewer_client(client, role_user):
    client.force_login(role_user("审核"))
    return client


def test_it_creates_both_groups_with_the_publish_permission_only_for_reviewers(db):
    editor, reviewer = Group.objects.get(name="编辑"), Group.objects.get(name="审核")
    assert not editor.permissions.filter(codename="publish_article").exists()
    assert reviewer.permissions.filter(
        codename="publish_article", content_type__app_label="articles"
    ).exists()
    assert editor.permissions.filter(codename="change_article").exists()


def test_it_refuses_publishing_by_an_editor(editor_client, category):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        new_article_data(editor_client, category, "published"),
    )
    assert response.status_code == 200
    assert "只有“审核”组的成员可以发布文章" in response.content.decode()
    assert not Article.objects.exists()


def test_it_lets_an_editor_submit_for_review(editor_client, category):
    response = editor_client.post(
        reverse("admin:articles_article_add"), new_article_data(editor_client, category, "review")
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert not Article.objects.published().exists()


def test_it_keeps_an_editors_change_to_a_published_article_for_review(editor_client, make_article):
    # A published article stays online as it is: the change waits as a pending revision
    # (tests/articles/test_revisions.py), and an editor cannot take the article offline.
    from kb.articles.models import ArticleRevision

    article = make_article(body="旧正文")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url).content.decode(), "article_form", body="新正文")
    refused = editor_client.post(url, {**data, "status": "review"})
    assert refused.status_code == 200
    assert "只有“审核”组的成员可以把它撤下" in refused.content.decode()
    accepted = editor_client.post(url, data)
    assert accepted.status_code == 302
    article.refresh_from_db()
    assert (article.body, article.status) == ("旧正文", Article.Status.PUBLISHED)
    assert ArticleRevision.objects.get(article=article).changes == {"body": "新正文"}


def test_it_lets_a_reviewer_publish(reviewer_client, category):
    response = reviewer_client.post(
        reverse("admin:articles_article_add"),
        new_article_data(reviewer_client, category, "published"),
    )
    assert response.status_code == 302
    assert Article.objects.published().count() == 1


def test_it_hides_the_publish_action_from_editors(editor_client, make_article):
    article = make_article(status=Article.Status.REVIEW)
    changelist = reverse("admin:articles_article_changelist")
    assert 'value="publish"' not in editor_client.get(changelist).content.decode()
    editor_client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_it_publishes_through_the_action_for_reviewers_and_records_it(
    reviewer_client, make_article
):
    article = make_article(status=Article.Status.REVIEW)
    changelist = reverse("admin:articles_article_changelist")
    assert 'value="publish"' in reviewer_client.get(changelist).content.decode()
    reviewer_client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    latest = article.history.latest()
    assert latest.status == "published" and latest.history_user.groups.filter(name="审核").exists()


@pytest.mark.parametrize("url", ["/markdownx/markdownify/", "/markdownx/upload/"])
def test_it_keeps_anonymous_visitors_out_of_editor_endpoints(client, db, url):
    response = client.post(url, {"content": "# hi"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_it_keeps_anonymous_visitors_out_of_the_admin(client, db):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_it_leaves_marking_reviewed_to_reviewers(client, role_user, make_article):
    article = make_article(needs_review=True, reviewed_at=None)
    changelist = reverse("admin:articles_article_changelist")
    client.force_login(role_user("编辑"))
    client.post(changelist, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.needs_review is True
    client.force_login(role_user("审核"))
    client.post(changelist, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.needs_review is False and article.reviewed_at is not None
