"""An editor's change to a published article waits for a reviewer; readers keep the live text."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kb.articles.models import FAQ, Article, ArticleRevision, Tag
from tests.admin_form import form_data

OLD_BODY = "## 要点\n\n逾期会产生罚息。\n\n第二段不变。"
NEW_BODY = "## 要点\n\n逾期会产生罚息，依照《民法典》第六百七十五条。\n\n第二段不变。"


@pytest.fixture
def editor(role_user):
    return role_user("编辑")


@pytest.fixture
def reviewer(role_user):
    return role_user("审核")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def edit(client, article, **overrides):
    page = client.get(change_url(article))
    assert page.status_code == 200
    return client.post(
        change_url(article), form_data(page.content.decode(), "article_form", **overrides)
    )


def public_text(article) -> str:
    response = Client().get(reverse("articles:detail", args=[article.slug]))
    assert response.status_code == 200
    return response.content.decode()


def revision_url(revision, action=None) -> str:
    if action:
        return reverse(f"admin:articles_articlerevision_{action}", args=[revision.pk])
    return reverse("admin:articles_articlerevision_change", args=[revision.pk])


@pytest.fixture
def live(make_article):
    return make_article(title="逾期了会怎样？", body=OLD_BODY)


@pytest.fixture
def submitted(live, editor):
    """The live article after an editor changed its title and body."""
    public_text(live)  # the old page is in the page cache now
    response = edit(client_for(editor), live, title="逾期以后会怎样？", body=NEW_BODY)
    assert response.status_code == 302
    return ArticleRevision.objects.get(article=live)


def test_it_keeps_the_public_article_when_an_editor_edits_it(live, editor):
    public_text(live)
    client = client_for(editor)
    response = edit(client, live, title="逾期以后会怎样？", body=NEW_BODY)
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode()
    assert "修改已提交审核，审核通过前读者看到的仍是当前版本" in shown
    article = Article.objects.get(pk=live.pk)
    assert (article.title, article.body, article.status) == (
        "逾期了会怎样？",
        OLD_BODY,
        "published",
    )
    assert article.history.count() == 1
    page = public_text(live)
    assert "逾期了会怎样？" in page and "逾期以后会怎样？" not in page
    assert "第六百七十五条" not in page
    revision = ArticleRevision.objects.get(article=live)
    assert revision.status == ArticleRevision.Status.PENDING and revision.author == editor
    assert revision.changes == {"title": "逾期以后会怎样？", "body": NEW_BODY}


def test_it_shows_the_editor_their_revision_and_updates_it_instead_of_adding_one(
    submitted, live, editor
):
    client = client_for(editor)
    page = client.get(change_url(live)).content.decode()
    assert "你对这篇文章有一份待审核修改" in page
    assert "逾期以后会怎样？" in page  # the form shows the proposal, not the live title
    assert edit(client, live, body=NEW_BODY + "\n\n补充一段。").status_code == 302
    revision = ArticleRevision.objects.get(article=live)
    assert revision.pk == submitted.pk
    assert revision.changes["title"] == "逾期以后会怎样？"
    assert revision.changes["body"].endswith("补充一段。")
    assert Article.objects.get(pk=live.pk).body == OLD_BODY


def test_it_withdraws_the_revision_when_the_editor_restores_the_live_text(submitted, live, editor):
    response = edit(client_for(editor), live, title=live.title, body=OLD_BODY)
    assert response.status_code == 302
    assert not ArticleRevision.objects.exists()


def test_it_keeps_tags_unchanged_until_the_revision_is_applied(live, editor, reviewer):
    tag = Tag.objects.create(name="罚息")
    assert edit(client_for(editor), live, tags=[str(tag.pk)]).status_code == 302
    assert list(live.tags.all()) == []
    revision = ArticleRevision.objects.get(article=live)
    client_for(reviewer).post(revision_url(revision, "apply"))
    assert list(live.tags.all()) == [tag]


def test_it_refuses_an_editor_taking_a_live_article_offline(live, editor):
    for status in ("draft", "review"):
        response = edit(client_for(editor), live, status=status, body=NEW_BODY)
        assert response.status_code == 200
        assert "只有“审核”组的成员可以把它撤下" in response.content.decode()
    article = Article.objects.get(pk=live.pk)
    assert (article.status, article.body) == ("published", OLD_BODY)
    assert not ArticleRevision.objects.exists()
    assert "逾期了会怎样？" in public_text(live)


def test_it_does_not_let_an_editor_change_the_faq_of_a_live_article(live, editor):
    FAQ.objects.create(article=live, question="会上征信吗？", answer="通常会。")
    page = client_for(editor).get(change_url(live)).content.decode()
    assert 'name="faqs-0-answer"' not in page  # shown read-only
    response = edit(
        client_for(editor), live, **{"faqs-0-answer": "不会。", "faqs-0-question": "改了"}
    )
    assert response.status_code == 302
    assert FAQ.objects.get(article=live).answer == "通常会。"


def test_it_shows_reviewers_the_pending_revision_with_a_diff(submitted, live, reviewer):
    client = client_for(reviewer)
    article_page = client.get(change_url(live)).content.decode()
    assert revision_url(submitted) in article_page
    listing = client.get(reverse("admin:articles_articlerevision_changelist")).content.decode()
    assert "逾期了会怎样？" in listing and "待审核" in listing
    filtered = client.get(reverse("admin:articles_article_changelist") + "?pending_revision=yes")
    assert "逾期了会怎样？" in filtered.content.decode()
    page = client.get(revision_url(submitted)).content.decode()
    assert "<del>逾期会产生罚息。</del>" in page
    assert "<ins>逾期会产生罚息，依照《民法典》第六百七十五条。</ins>" in page
    assert "<del>逾期了会怎样？</del>" in page and "<ins>逾期以后会怎样？</ins>" in page
    assert "第二段不变" not in page
    assert revision_url(submitted, "apply") in page


def test_it_publishes_the_revision_when_a_reviewer_applies_it(submitted, live, reviewer):
    from tests.laws.factories import make_law, make_provisions

    make_provisions(make_law(), [675])
    response = client_for(reviewer).post(revision_url(submitted, "apply"))
    assert response.status_code == 302
    article = Article.objects.get(pk=live.pk)
    assert (article.title, article.body, article.status) == (
        "逾期以后会怎样？",
        NEW_BODY,
        "published",
    )
    assert "/laws/minfadian/675/" in article.body_html
    assert list(article.citations.values_list("provision__number", flat=True)) == [675]
    page = public_text(live)
    assert "逾期以后会怎样？" in page and "第六百七十五条" in page
    latest = article.history.latest()
    assert latest.history_user == reviewer
    assert latest.history_change_reason == "应用待审核修改"
    submitted.refresh_from_db()
    assert submitted.status == ArticleRevision.Status.APPLIED
    assert submitted.reviewer == reviewer and submitted.decided_at is not None
    again = client_for(reviewer).post(revision_url(submitted, "apply"), follow=True)
    assert "这份修改已经处理过了" in again.content.decode()
    assert article.history.count() == 2


def test_it_finds_the_applied_revision_in_search(submitted, live, reviewer):
    client_for(reviewer).post(revision_url(submitted, "apply"))
    response = Client().get(reverse("search:search"), {"q": "逾期以后会怎样"})
    assert response.status_code == 200
    assert live.get_absolute_url() in response.content.decode()


def test_it_leaves_the_article_unchanged_when_a_reviewer_rejects(submitted, live, reviewer):
    client = client_for(reviewer)
    client.post(
        reverse("admin:articles_articlerevision_changelist"),
        {"action": "reject_selected", "_selected_action": [submitted.pk]},
    )
    submitted.refresh_from_db()
    assert submitted.status == ArticleRevision.Status.REJECTED
    assert submitted.reviewer == reviewer
    article = Article.objects.get(pk=live.pk)
    assert (article.title, article.body) == ("逾期了会怎样？", OLD_BODY)
    assert article.history.count() == 1
    assert "逾期以后会怎样？" not in public_text(live)


def test_it_lets_a_reviewer_apply_from_the_list(submitted, live, reviewer):
    client_for(reviewer).post(
        reverse("admin:articles_articlerevision_changelist"),
        {"action": "apply_selected", "_selected_action": [submitted.pk]},
    )
    assert Article.objects.get(pk=live.pk).body == NEW_BODY


def test_it_refuses_an_editor_applying_or_rejecting(submitted, live, editor):
    client = client_for(editor)
    for action in ("apply", "reject"):
        assert client.post(revision_url(submitted, action)).status_code == 403
    page = client.get(revision_url(submitted)).content.decode()
    assert revision_url(submitted, "apply") not in page
    changelist = reverse("admin:articles_articlerevision_changelist")
    assert 'value="apply_selected"' not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "apply_selected", "_selected_action": [submitted.pk]})
    submitted.refresh_from_db()
    assert submitted.status == ArticleRevision.Status.PENDING
    assert Article.objects.get(pk=live.pk).body == OLD_BODY


def test_it_keeps_anonymous_and_non_staff_users_out(submitted, live, db):
    reader = get_user_model().objects.create_user("reader", password="pw-for-tests-1")
    urls = [
        revision_url(submitted),
        reverse("admin:articles_articlerevision_changelist"),
    ]
    for client in (Client(), client_for(reader)):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302 and "/login/" in response["Location"]
        for action in ("apply", "reject"):
            response = client.post(revision_url(submitted, action))
            assert response.status_code == 302 and "/login/" in response["Location"]
    submitted.refresh_from_db()
    assert submitted.status == ArticleRevision.Status.PENDING
    assert Article.objects.get(pk=live.pk).body == OLD_BODY


def test_it_still_publishes_a_reviewers_edit_directly(live, reviewer):
    response = edit(client_for(reviewer), live, body=NEW_BODY)
    assert response.status_code == 302
    assert Article.objects.get(pk=live.pk).body == NEW_BODY
    assert not ArticleRevision.objects.exists()
    assert "第六百七十五条" in public_text(live)


def test_it_keeps_the_draft_flow_for_unpublished_articles(make_article, editor):
    draft = make_article(status=Article.Status.DRAFT, body=OLD_BODY)
    response = edit(client_for(editor), draft, body=NEW_BODY, status="review")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.body, draft.status) == (NEW_BODY, Article.Status.REVIEW)
    assert not ArticleRevision.objects.exists()


def test_it_warns_the_reviewer_when_the_live_text_moved_after_submission(submitted, live, reviewer):
    article = Article.objects.get(pk=live.pk)
    article.body = OLD_BODY + "\n\n审核人员后来加的一段。"
    article.save()
    page = client_for(reviewer).get(revision_url(submitted)).content.decode()
    assert "提交后线上版本已改动，请核对" in page


def test_it_turns_an_editors_revert_of_a_live_article_into_a_revision(live, editor):
    article = Article.objects.get(pk=live.pk)
    article.body = NEW_BODY
    article.save()
    first = article.history.earliest()
    url = reverse("admin:articles_article_simple_history", args=[live.pk, first.history_id])
    client = client_for(editor)
    page = client.get(url)
    response = client.post(url, form_data(page.content.decode(), "historicalarticle_form"))
    assert response.status_code == 302
    assert Article.objects.get(pk=live.pk).body == NEW_BODY
    assert ArticleRevision.objects.get(article=live).changes == {"body": OLD_BODY}
    assert article.history.count() == 2


def test_it_flags_the_pending_revision_in_the_review_queue(submitted, live, reviewer):
    page = client_for(reviewer).get(reverse("admin:articles_reviewqueuearticle_changelist"))
    html = page.content.decode()
    assert "column-pending_revision" in html and "逾期了会怎样？" in html
    row = html.split("逾期了会怎样？", 1)[1].split("</tr>", 1)[0]
    assert 'class="field-pending_revision"><img src="/static/admin/img/icon-yes.svg"' in row


def test_it_refuses_applying_a_slug_taken_since_with_a_message(
    live, editor, reviewer, make_article
):
    assert edit(client_for(editor), live, slug="yuqi-yihou").status_code == 302
    make_article(slug="yuqi-yihou")
    revision = ArticleRevision.objects.get(article=live)
    client = client_for(reviewer)
    assert client.get(revision_url(revision, "apply")).status_code == 405
    response = client.post(revision_url(revision, "apply"), follow=True)
    assert response.status_code == 200
    assert "网址标识“yuqi-yihou”已被另一篇文章使用" in response.content.decode()
    assert Article.objects.get(pk=live.pk).slug == live.slug
    revision.refresh_from_db()
    assert revision.status == ArticleRevision.Status.PENDING


def test_it_escapes_the_proposed_text_in_the_diff(live, editor, reviewer):
    title = "逾期<script>alert(1)</script>怎么办？"
    assert edit(client_for(editor), live, title=title).status_code == 302
    revision = ArticleRevision.objects.get(article=live)
    page = client_for(reviewer).get(revision_url(revision)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "逾期&lt;script&gt;alert(1)&lt;/script&gt;怎么办？" in page


def test_it_tells_the_editor_why_their_revision_was_rejected(submitted, live, editor, reviewer):
    reason = "罚息的说法需要注明合同约定，请补充后再提交。"
    client_for(reviewer).post(revision_url(submitted, "reject"), {"note": reason})
    submitted.refresh_from_db()
    assert (submitted.status, submitted.note) == (ArticleRevision.Status.REJECTED, reason)
    page = client_for(editor).get(change_url(live)).content.decode()
    assert "你上次提交的修改已于" in page and "被驳回" in page and reason in page
    assert "逾期以后会怎样？" not in page  # the form shows the live text again
    assert edit(client_for(editor), live, body=NEW_BODY).status_code == 302
    again = ArticleRevision.objects.get(article=live, status=ArticleRevision.Status.PENDING)
    response = client_for(reviewer).post(
        revision_url(again, "reject"), {"note": "长" * 501}, follow=True
    )
    assert "审核意见最多 500 字" in response.content.decode()
    again.refresh_from_db()
    assert again.status == ArticleRevision.Status.PENDING


def test_it_holds_back_an_editors_change_to_a_scheduled_article_too(make_article, editor):
    from django.utils import timezone

    later = timezone.now() + timezone.timedelta(days=3)
    scheduled = make_article(body=OLD_BODY, published_at=later)
    assert edit(client_for(editor), scheduled, body=NEW_BODY).status_code == 302
    scheduled.refresh_from_db()
    assert (scheduled.body, scheduled.status) == (OLD_BODY, Article.Status.PUBLISHED)
    assert ArticleRevision.objects.get(article=scheduled).changes == {"body": NEW_BODY}


def test_it_tells_the_editor_their_revision_was_applied(submitted, live, editor, reviewer):
    client_for(reviewer).post(revision_url(submitted, "apply"))
    page = client_for(editor).get(change_url(live)).content.decode()
    assert "你上次提交的修改已于" in page and "由审核应用，读者现在看到的是修改后的内容" in page
    assert "被驳回" not in page


def test_it_shows_an_editor_what_became_of_their_revisions_on_the_start_page(
    submitted, live, editor, reviewer, role_user, make_article
):
    other = make_article(title="花呗逾期怎么办？", slug="huabei-yuqi")
    assert edit(client_for(editor), other, title="花呗逾期了怎么办？").status_code == 302
    colleague = role_user("编辑")
    assert edit(client_for(colleague), live, title="逾期后会怎样？").status_code == 302
    by_colleague = ArticleRevision.objects.get(author=colleague)
    reviewing = client_for(reviewer)
    reviewing.post(revision_url(submitted, "apply"))
    reviewing.post(revision_url(by_colleague, "apply"))
    reviewing.post(revision_url(ArticleRevision.objects.get(article=other), "reject"))

    client = client_for(editor)
    start = client.get(reverse("admin:index")).content.decode()
    assert "我提交的修改" in start
    assert "近 30 天已应用：1 份" in start and "近 30 天被驳回：1 份" in start
    assert "待审核：" not in start
    listed = client.get(
        reverse("admin:articles_articlerevision_changelist") + "?mine=1&status__exact=applied"
    )
    assert listed.status_code == 200
    assert [r.pk for r in listed.context["cl"].result_list] == [submitted.pk]


def test_it_shows_no_revision_panel_to_someone_who_proposed_none(reviewer, editor, live):
    for user in (reviewer, editor):
        start = client_for(user).get(reverse("admin:index")).content.decode()
        assert "我提交的修改" not in start


def test_it_counts_an_editors_pending_revision_on_the_start_page(submitted, editor):
    start = client_for(editor).get(reverse("admin:index")).content.decode()
    assert "待审核：1 份" in start and "已应用" not in start
