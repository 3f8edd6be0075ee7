"""The admin's 待复核文章 queue: flagged, never reviewed, or reviewed too long ago; oldest first."""

from django.urls import reverse
from django.utils import timezone

from kb.articles.models import Article
from kb.core.models import due_for_review


def days_ago(n: int):
    return timezone.localdate() - timezone.timedelta(days=n)


def test_it_lists_stale_flagged_and_unreviewed_articles_oldest_first(make_article, settings):
    settings.REVIEW_MAX_AGE_DAYS = 180
    fresh = make_article(reviewed_at=days_ago(10))
    stale = make_article(reviewed_at=days_ago(400))
    staler = make_article(reviewed_at=days_ago(900))
    flagged = make_article(reviewed_at=days_ago(5), needs_review=True)
    never = make_article(reviewed_at=None)
    queue = list(due_for_review(Article.objects.all()))
    assert fresh not in queue
    assert queue == [never, staler, stale, flagged]


def test_it_honours_the_configured_period(make_article, settings):
    article = make_article(reviewed_at=days_ago(40))
    settings.REVIEW_MAX_AGE_DAYS = 30
    assert list(due_for_review(Article.objects.all())) == [article]
    settings.REVIEW_MAX_AGE_DAYS = 60
    assert list(due_for_review(Article.objects.all())) == []


def test_it_shows_the_queue_in_the_admin(staff_client, make_article):
    make_article(title="早就该复核的文章", reviewed_at=days_ago(999))
    make_article(title="刚审核过的文章", reviewed_at=days_ago(1))
    page = staff_client.get(reverse("admin:core_reviewqueuearticle_changelist"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "早就该复核的文章" in html and "刚审核过的文章" not in html


def test_it_lets_a_reviewer_mark_articles_reviewed(client, role_user, make_article):
    article = make_article(reviewed_at=days_ago(999), needs_review=True)
    client.force_login(role_user("审核"))
    url = reverse("admin:core_reviewqueuearticle_changelist")
    client.post(url, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert (article.reviewed_at, article.needs_review) == (timezone.localdate(), False)
    assert article.history.latest().history_change_reason == "标记为已审核"


def test_it_lets_editors_see_but_not_clear_the_queue(client, role_user, make_article):
    article = make_article(reviewed_at=days_ago(999))
    client.force_login(role_user("编辑"))
    url = reverse("admin:core_reviewqueuearticle_changelist")
    assert client.get(url).status_code == 200
    client.post(url, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.reviewed_at == days_ago(999)
