import csv
import io

from django.contrib.admin.sites import site
from django.test import RequestFactory

from kb.articles.admin import FeedbackAdmin
from kb.articles.models import Article, Feedback
from kb.core.feedback import RATE_LIMIT


def post(client, article, **data):
    return client.post(f"/articles/{article.slug}/feedback/", data)


def test_the_article_page_has_the_feedback_form(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "这篇文章有帮助吗？" in html
    assert f'action="/articles/{article.slug}/feedback/"' in html
    assert 'name="reason"' in html and 'maxlength="500"' in html


def test_each_page_in_each_script_has_its_own_feedback_form(client, make_article):
    # The empty form is rendered once per process: it must still post to each page's own
    # article, and tell the 繁體 page's answers apart.
    first, second = make_article(), make_article()
    for article in (first, second):
        hans = client.get(article.get_absolute_url()).content.decode()
        hant = client.get(f"/zh-hant{article.get_absolute_url()}").content.decode()
        assert f'action="/articles/{article.slug}/feedback/"' in hans
        assert f'action="/zh-hant/articles/{article.slug}/feedback/"' in hant
        assert 'name="hant" value="False"' in hans and 'name="hant" value="True"' in hant


def test_it_stores_an_answer_and_thanks_the_reader(client, make_article):
    article = make_article()
    response = post(client, article, helpful="no", reason="没有讲到信用卡")
    assert response.status_code == 302
    assert response["Location"] == f"/articles/{article.slug}/feedback/thanks/"
    fb = Feedback.objects.get()
    assert (fb.article, fb.helpful, fb.reason) == (article, False, "没有讲到信用卡")
    assert len(fb.client_hash) == 64 and "127.0.0.1" not in fb.client_hash
    assert "谢谢你的反馈" in client.get(response["Location"]).content.decode()


def test_it_returns_traditional_readers_to_the_mirror(client, make_article):
    article = make_article()
    response = post(client, article, helpful="yes", hant="True")
    assert response["Location"] == f"/zh-hant/articles/{article.slug}/feedback/thanks/"
    assert "謝謝你的反饋" in client.get(response["Location"]).content.decode()


def test_it_keeps_reasons_plain_text(client, make_article):
    article = make_article()
    post(client, article, helpful="yes", reason="<b>好</b><script>alert(1)</script>\x07  清楚")
    assert Feedback.objects.get().reason == "好alert(1) 清楚"


def test_it_rejects_bad_input_with_a_clear_message(client, make_article):
    article = make_article()
    for data, message in (
        ({}, "请选择“有帮助”或“没帮助”。"),
        ({"helpful": "maybe"}, "请选择“有帮助”或“没帮助”。"),
        ({"helpful": "yes", "reason": "长" * 501}, "原因最多 500 个字。"),
    ):
        response = post(client, article, **data)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not Feedback.objects.exists()


def test_it_404s_for_unknown_or_unpublished_articles(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert post(client, draft, helpful="yes").status_code == 404
    assert client.post("/articles/nope/feedback/", {"helpful": "yes"}).status_code == 404
    assert not Feedback.objects.exists()


def test_it_only_accepts_posts(client, make_article):
    article = make_article()
    assert client.get(f"/articles/{article.slug}/feedback/").status_code == 405


def test_it_rate_limits_each_client_per_article(client, make_article):
    article, other = make_article(), make_article()
    for _ in range(RATE_LIMIT):
        assert post(client, article, helpful="yes").status_code == 302
    response = post(client, article, helpful="yes")
    assert response.status_code == 429
    assert "提交了太多次反馈" in response.content.decode()
    assert Feedback.objects.filter(article=article).count() == RATE_LIMIT
    assert post(client, other, helpful="yes").status_code == 302
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/", {"helpful": "yes"}, REMOTE_ADDR="10.0.0.2"
        ).status_code
        == 302
    )


def test_it_refuses_cross_site_posts(client, make_article):
    article = make_article()
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_SEC_FETCH_SITE="cross-site",
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_ORIGIN="https://evil.example",
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_ORIGIN="http://testserver",
            HTTP_SEC_FETCH_SITE="same-origin",
        ).status_code
        == 302
    )
    assert Feedback.objects.count() == 1


def test_the_admin_exports_feedback_as_csv(make_article, staff_user):
    article = make_article(title="借呗逾期")
    Feedback.objects.create(article=article, helpful=True, reason='=HYPERLINK("x")')
    Feedback.objects.create(article=article, helpful=False, reason="太长")
    request = RequestFactory().get("/")
    request.user = staff_user
    response = FeedbackAdmin(Feedback, site).export_csv(request, Feedback.objects.all())
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["文章", "网址", "有帮助", "原因", "提交时间"]
    assert sorted(r[2] for r in rows[1:]) == ["否", "是"]
    assert '\'=HYPERLINK("x")' in [r[3] for r in rows[1:]]


def test_the_article_admin_page_shows_the_counts(staff_client, make_article):
    article = make_article()
    for helpful in (True, True, False):
        Feedback.objects.create(article=article, helpful=helpful)
    from django.conf import settings

    html = staff_client.get(
        f"/{settings.ADMIN_PATH}/articles/article/{article.pk}/change/"
    ).content.decode()
    assert "有帮助 2 次 · 没帮助 1 次" in html


def test_behind_the_proxy_it_limits_the_real_client(client, make_article, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # DJANGO_BEHIND_PROXY
    article = make_article()
    for _ in range(RATE_LIMIT):
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_X_FORWARDED_FOR="1.1.1.1",
        )
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_X_FORWARDED_FOR="1.1.1.1",
        ).status_code
        == 429
    )
    assert (
        client.post(
            f"/articles/{article.slug}/feedback/",
            {"helpful": "yes"},
            HTTP_X_FORWARDED_FOR="2.2.2.2",
        ).status_code
        == 302
    )


def test_it_keeps_the_answer_when_the_cache_is_down(client, make_article, settings):
    # The rate limit counts in the cache; with the cache unreachable it lets answers through
    # rather than losing them to a server error.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    article = make_article()
    assert post(client, article, helpful="no", reason="没说清楚").status_code == 302
    assert Feedback.objects.get(article=article).reason == "没说清楚"


def test_it_takes_every_answer_with_rate_limits_switched_off(client, make_article, settings):
    settings.RATELIMIT_ENABLED = False
    article = make_article()
    codes = {post(client, article, helpful="yes").status_code for _ in range(RATE_LIMIT + 2)}
    assert codes == {302}
    assert Feedback.objects.filter(article=article).count() == RATE_LIMIT + 2
