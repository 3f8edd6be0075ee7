import json
import re

import opencc
from django.conf import settings

from kb.articles.models import Feedback
from kb.core.hant import (
    _CORRECTIONS,
    convert_html,
    hant_path,
    is_mirrored,
    rewrite_links,
    to_traditional,
)


def test_it_converts_a_page_to_traditional_script(client, make_article):
    article = make_article(title="借呗逾期了，花呗还能用吗？", short_answer="个人信息会被发布吗？")
    response = client.get("/zh-hant" + article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "借唄逾期了，花唄還能用嗎？" in html
    assert "借呗" not in html


def test_it_keeps_legal_vocabulary_verbatim():
    # s2tw converts the script only; s2twp would turn 个人信息 into 個人資訊 and 发布 into 釋出.
    assert convert_html("<p>个人信息 发布 网络</p>") == "<p>個人信息 發佈 網絡</p>"


def test_it_serves_the_home_page_under_the_bare_prefix(client, db):
    for path in ("/zh-hant/", "/zh-hant"):
        response = client.get(path)
        assert response.status_code == 200
        assert '<html lang="zh-Hant">' in response.content.decode()


def test_it_marks_the_language_of_each_script(client, db):
    assert '<html lang="zh-Hans">' in client.get("/").content.decode()
    assert response_language(client.get("/zh-hant/")) == "zh-Hant"


def response_language(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_it_keeps_internal_links_under_the_prefix(client, make_article):
    article = make_article()
    html = client.get("/zh-hant" + article.get_absolute_url()).content.decode()
    assert f'href="/zh-hant/category/{article.category.slug}/"' in html
    assert 'action="/zh-hant/search/"' in html
    assert 'href="/zh-hant/"' in html
    assert 'href="/static/' in html or "/static/" in html
    assert 'href="/zh-hant/static/' not in html
    assert 'href="/zh-hant/feed/"' not in html


def test_it_keeps_form_actions_in_the_mirror():
    html = '<form method="post" action="/articles/a/feedback/"><a href="/tag/x/">x</a></form>'
    assert rewrite_links(html) == (
        '<form method="post" action="/zh-hant/articles/a/feedback/">'
        '<a href="/zh-hant/tag/x/">x</a></form>'
    )


def test_it_puts_right_what_opencc_misreads():
    raw = opencc.OpenCC("s2tw")
    for simplified, expected in (
        ("违背他人意愿", "違背他人意願"),
        ("未作反对表示的", "未作反對表示的"),
        ("保理人向应收账款债务人", "保理人向應收賬款債務人"),
        ("因逃逸致人死亡的", "因逃逸致人死亡的"),
        ("在办理发售发票", "在辦理發售發票"),
        ("主动向发卡银行说明", "主動向發卡銀行說明"),
        ("借新还旧，这只会让欠款变多", "借新還舊，這只會讓欠款變多"),
        ("应当对折价或者拍卖", "應當對折價或者拍賣"),
    ):
        assert raw.convert(simplified) != expected, f"OpenCC now gets {simplified} right"
        assert to_traditional(simplified) == expected


def test_no_shipped_provision_keeps_a_known_misreading():
    raw = opencc.OpenCC("s2tw")
    rows = json.loads((settings.BASE_DIR / "fixtures" / "laws.json").read_text())
    texts = [r["fields"]["text"] for r in rows if r["model"] == "laws.provision"]
    assert len(texts) > 1000
    misread = [t for t in texts if any(w in raw.convert(t) for w in _CORRECTIONS)]
    assert len(misread) >= 10, "the statutes do trip OpenCC up"
    for text in misread:
        converted = to_traditional(text)
        assert not [w for w in _CORRECTIONS if w in converted], text[:40]
        assert len(converted) == len(text), "a script change keeps every character"


def test_it_knows_which_paths_have_a_mirror(settings):
    assert is_mirrored("/articles/a/")
    assert is_mirrored("/search/?q=x")
    for path in (
        "/static/css/site.css",
        "/media/a.png",
        "/api/search/",
        "/feed/",
        "/category/a/feed/",
        "/sitemap.xml",
        "/robots.txt",
        f"/{settings.ADMIN_PATH}/",
        "/markdownx/upload/",
        "/articles/a/qr.svg",
        "/zh-hant/articles/a/",
        "//evil.example/",
    ):
        assert not is_mirrored(path), path
    assert hant_path("/laws/") == "/zh-hant/laws/"


def test_it_shows_a_switch_to_the_other_script(client, make_article):
    article = make_article()
    path = article.get_absolute_url()
    hans = client.get(path).content.decode()
    hant = client.get("/zh-hant" + path).content.decode()
    assert (
        f'<a href="http://testserver/zh-hant{path}" hreflang="zh-Hant" lang="zh-Hant">繁體</a>'
        in hans
    )
    assert f'<a href="http://testserver{path}" hreflang="zh-Hans" lang="zh-Hans">' in hant


def test_it_lists_hreflang_alternates_and_a_canonical(client, make_article):
    path = make_article().get_absolute_url()
    for html, canonical in (
        (client.get(path).content.decode(), f"http://testserver{path}"),
        (client.get("/zh-hant" + path).content.decode(), f"http://testserver/zh-hant{path}"),
    ):
        assert f'<link rel="alternate" hreflang="zh-Hans" href="http://testserver{path}">' in html
        assert (
            f'<link rel="alternate" hreflang="zh-Hant" href="http://testserver/zh-hant{path}">'
            in html
        )
        assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}">' in html
        assert f'<link rel="canonical" href="{canonical}">' in html


def test_the_switch_keeps_the_query_string_and_hreflang_names_the_canonical_url(client, db):
    html = client.get("/zh-hant/?utm=1").content.decode()
    assert '<a href="http://testserver/?utm=1" hreflang="zh-Hans" lang="zh-Hans">' in html
    assert '<link rel="alternate" hreflang="zh-Hans" href="http://testserver/">' in html
    assert '<link rel="alternate" hreflang="zh-Hant" href="http://testserver/zh-hant/">' in html
    html = client.get("/search/?q=%E5%80%9F").content.decode()
    assert '<a href="http://testserver/zh-hant/search/?q=%E5%80%9F" hreflang="zh-Hant"' in html
    assert (
        '<link rel="alternate" hreflang="zh-Hant" href="http://testserver/zh-hant/search/?q=%E5%80%9F">'
        in html
    )


def test_the_canonical_url_keeps_only_a_query_the_page_depends_on(client, make_article):
    path = make_article().get_absolute_url()
    for url, canonical in (
        (f"{path}?utm_source=weibo", f"http://testserver{path}"),
        (f"/zh-hant{path}?from=qr", f"http://testserver/zh-hant{path}"),
        ("/search/?q=%E5%80%9F%E5%91%97", "http://testserver/search/?q=%E5%80%9F%E5%91%97"),
        ("/zh-hant/tools/rate/?amount=1", "http://testserver/zh-hant/tools/rate/?amount=1"),
    ):
        html = client.get(url).content.decode()
        assert f'<link rel="canonical" href="{canonical}">' in html, url
        assert f'<meta property="og:url" content="{canonical}">' in html, url


def test_it_redirects_machine_readable_urls_to_the_single_simplified_url(client, db, settings):
    for path, target in (
        ("/zh-hant/feed/", "/feed/"),
        ("/zh-hant/sitemap.xml", "/sitemap.xml"),
        ("/zh-hant/api/articles/x/?a=1", "/api/articles/x/?a=1"),
        (f"/zh-hant/{settings.ADMIN_PATH}/", f"/{settings.ADMIN_PATH}/"),
    ):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == target


def test_a_traditional_reader_posting_feedback_stays_in_the_mirror(client, make_article):
    article = make_article()
    url = f"/zh-hant/articles/{article.slug}/feedback/"
    html = client.get(f"/zh-hant/articles/{article.slug}/").content.decode()
    assert f'action="{url}"' in html
    invalid = client.post(url, {"reason": "看不懂"})
    assert invalid.status_code == 400
    page = invalid.content.decode()
    assert "請選擇“有幫助”或“沒幫助”。" in page and '<html lang="zh-Hant">' in page
    assert f'action="{url}"' in page
    response = client.post(url, {"helpful": "no", "reason": "没讲到信用卡"})
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hant/articles/{article.slug}/feedback/thanks/"
    assert Feedback.objects.get().reason == "没讲到信用卡", "stored as typed, not converted"


def test_the_answer_to_a_post_offers_no_switch_to_a_post_only_address(client, make_article):
    article = make_article()
    for url in (
        f"/articles/{article.slug}/feedback/",
        f"/zh-hant/articles/{article.slug}/feedback/",
    ):
        html = client.post(url, {}).content.decode()
        assert 'class="script-switch"' not in html and "hreflang" not in html
    assert 'class="script-switch"' in client.get(article.get_absolute_url()).content.decode()


def test_it_refuses_posts_to_addresses_without_a_mirror(client, db):
    for path in (f"/zh-hant/{settings.ADMIN_PATH}/login/", "/zh-hant/feed/"):
        response = client.post(path, {"a": "1"})
        assert response.status_code == 405, path


def test_it_shows_the_404_page_in_traditional_script(client, db):
    response = client.get("/zh-hant/articles/no-such-article/")
    assert response.status_code == 404
    assert "頁面不存在" in response.content.decode()


def test_it_keeps_redirects_inside_the_mirror(client, make_article):
    article = make_article()
    response = client.get(f"/zh-hant/articles/{article.slug}")
    assert response.status_code == 301
    assert response["Location"] == f"/zh-hant/articles/{article.slug}/"


def test_it_shows_an_edit_at_once(client, make_article):
    article = make_article(title="旧标题")
    client.get("/zh-hant" + article.get_absolute_url())
    article.title = "新标题"
    article.save()
    html = client.get("/zh-hant" + article.get_absolute_url()).content.decode()
    assert "新標題" in html and "舊標題" not in html


def test_it_serves_a_repeat_view_from_the_conversion_cache(client, make_article, monkeypatch):
    from kb.core import hant

    article = make_article()
    first = client.get("/zh-hant" + article.get_absolute_url()).content
    monkeypatch.setattr(hant, "convert_html", lambda html: "converter should not run")
    second = client.get("/zh-hant" + article.get_absolute_url()).content
    assert second == first


def test_it_fixes_the_content_length_after_rewriting(client, make_article):
    response = client.get("/zh-hant" + make_article().get_absolute_url())
    if response.has_header("Content-Length"):
        assert int(response["Content-Length"]) == len(response.content)


def test_it_never_redirects_off_site(client, db):
    for path in ("/zh-hant//evil.example/feed/", "/zh-hant/\\evil.example/feed/"):
        response = client.get(path)
        assert response.status_code in (301, 404)
        assert response.get("Location", "/").startswith("/") and not response.get(
            "Location", "/x"
        ).startswith(("//", "/\\"))


def test_a_forged_host_gets_the_400_page_not_a_500(client, db, settings):
    settings.DEBUG = False
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
