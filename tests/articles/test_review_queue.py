"""The admin's 待复核文章 queue: flagged, never reviewed, or reviewed too long ago.

Flagged first, then the oldest review, then the most feedback (the site's traffic signal).
"""

from django.urls import reverse
from django.utils import timezone

from kb.articles.models import Article, Feedback, due_for_review
from kb.laws.models import Provision
from tests.laws.factories import make_law, make_provisions

QUEUE = "admin:articles_reviewqueuearticle_changelist"


def days_ago(n: int):
    return timezone.localdate() - timezone.timedelta(days=n)


def test_it_lists_flagged_first_then_unreviewed_and_stale_oldest_first(make_article, settings):
    settings.REVIEW_MAX_AGE_DAYS = 180
    fresh = make_article(reviewed_at=days_ago(10))
    stale = make_article(reviewed_at=days_ago(400))
    staler = make_article(reviewed_at=days_ago(900))
    flagged = make_article(reviewed_at=days_ago(5), needs_review=True)
    never = make_article(reviewed_at=None)
    queue = list(due_for_review(Article.objects.all()))
    assert fresh not in queue
    assert queue == [flagged, never, staler, stale]


def test_it_honours_the_configured_period(make_article, settings):
    article = make_article(reviewed_at=days_ago(40))
    settings.REVIEW_MAX_AGE_DAYS = 30
    assert list(due_for_review(Article.objects.all())) == [article]
    settings.REVIEW_MAX_AGE_DAYS = 60
    assert list(due_for_review(Article.objects.all())) == []


def test_it_shows_the_queue_in_the_admin(staff_client, make_article):
    make_article(title="早就该复核的文章", reviewed_at=days_ago(999))
    make_article(title="刚审核过的文章", reviewed_at=days_ago(1))
    page = staff_client.get(reverse("admin:articles_reviewqueuearticle_changelist"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "早就该复核的文章" in html and "刚审核过的文章" not in html


def test_it_lets_a_reviewer_mark_articles_reviewed(client, role_user, make_article):
    article = make_article(reviewed_at=days_ago(999), needs_review=True)
    client.force_login(role_user("审核"))
    url = reverse("admin:articles_reviewqueuearticle_changelist")
    client.post(url, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert (article.reviewed_at, article.needs_review) == (timezone.localdate(), False)
    latest = article.history.latest()
    assert latest.history_change_reason == "标记为已审核"
    assert latest.history_user.groups.filter(name="审核").exists()
    assert (latest.reviewed_at, latest.needs_review) == (timezone.localdate(), False)


def test_it_lets_editors_see_but_not_clear_the_queue(client, role_user, make_article):
    article = make_article(reviewed_at=days_ago(999))
    client.force_login(role_user("编辑"))
    url = reverse("admin:articles_reviewqueuearticle_changelist")
    assert client.get(url).status_code == 200
    client.post(url, {"action": "mark_reviewed", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.reviewed_at == days_ago(999)


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted((t for t in titles if t in html), key=html.index)


def test_it_shows_the_queue_in_that_order_in_the_admin(staff_client, make_article, settings):
    settings.REVIEW_MAX_AGE_DAYS = 180
    make_article(title="三年前审核", reviewed_at=days_ago(1100))
    make_article(title="新近发布的从未审核", reviewed_at=None)
    make_article(title="条文变了需复核", reviewed_at=days_ago(3), needs_review=True)
    make_article(title="一年前审核", reviewed_at=days_ago(365))
    html = staff_client.get(reverse(QUEUE)).content.decode()
    titles = ["条文变了需复核", "新近发布的从未审核", "三年前审核", "一年前审核"]
    assert titles_in_order(html, titles) == titles


def test_it_sorts_equally_old_reviews_by_reader_feedback(staff_client, make_article):
    quiet = make_article(title="很少人看的文章", reviewed_at=days_ago(999))
    busy = make_article(title="很多人看的文章", reviewed_at=days_ago(999))
    Feedback.objects.bulk_create(Feedback(article=busy, helpful=True) for _ in range(3))
    Feedback.objects.create(article=quiet, helpful=False)
    assert list(due_for_review(Article.objects.all())) == [busy, quiet]
    html = staff_client.get(reverse(QUEUE)).content.decode()
    assert titles_in_order(html, ["很少人看的文章", "很多人看的文章"]) == [
        "很多人看的文章",
        "很少人看的文章",
    ]
    assert "读者反馈数" in html


def test_it_shows_articles_whose_cited_provision_changed_without_any_command(
    staff_client, make_article
):
    make_provisions(make_law(), [675, 676])
    article = make_article(
        title="引用第六百七十五条", body="《民法典》第六百七十五条", reviewed_at=days_ago(1)
    )
    make_article(
        title="引用第六百七十六条", body="《民法典》第六百七十六条", reviewed_at=days_ago(1)
    )
    provision = Provision.objects.get(number=675)
    provision.text = "修改后的条文。"
    provision.save()
    html = staff_client.get(reverse(QUEUE)).content.decode()
    assert "引用第六百七十五条" in html and "引用第六百七十六条" not in html
    record = Article.objects.get(pk=article.pk).history.latest()
    assert record.needs_review is True
    assert record.history_change_reason == "所引条文已变化，自动标记为需复核"
    assert record.history_user is None  # the law changed it, not the reviewer looking


def test_it_sends_the_old_queue_address_to_the_queue(staff_client):
    page = staff_client.get(
        reverse(QUEUE).replace("/articles/", "/core/") + "?needs_review__exact=1"
    )
    assert page.status_code == 302
    assert page["Location"] == reverse(QUEUE) + "?needs_review__exact=1"
