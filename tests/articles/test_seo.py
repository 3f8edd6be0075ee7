import json
import re
import xml.etree.ElementTree as ET

from kb.articles.models import FAQ


def jsonld_blocks(html: str) -> list:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def by_type(blocks, kind):
    return next(b for b in blocks if b["@type"] == kind)


def test_it_describes_the_article_in_json_ld(client, make_article):
    article = make_article(
        title="借呗逾期了，花呗还能用吗？", short_answer="通常短期逾期影响有限。", editor="王编辑"
    )
    blocks = jsonld_blocks(client.get(article.get_absolute_url()).content.decode())
    data = by_type(blocks, "Article")
    assert data["headline"] == "借呗逾期了，花呗还能用吗？"
    assert data["url"] == f"http://testserver{article.get_absolute_url()}"
    assert data["inLanguage"] == "zh-Hans"
    assert data["editor"]["name"] == "王编辑"
    crumbs = by_type(blocks, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["首页", "网贷逾期", "借呗逾期了，花呗还能用吗？"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert not any(b["@type"] == "FAQPage" for b in blocks)


def test_it_adds_a_faq_page_when_the_article_has_faqs(client, make_article):
    article = make_article()
    FAQ.objects.create(
        article=article, question="逾期一天会上征信吗？", answer="一般会如实报送。", order=1
    )
    faq = by_type(jsonld_blocks(client.get(article.get_absolute_url()).content.decode()), "FAQPage")
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "逾期一天会上征信吗？",
            "acceptedAnswer": {"@type": "Answer", "text": "一般会如实报送。"},
        }
    ]


def test_it_cannot_be_broken_out_of_by_a_title(client, make_article):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert (
        by_type(jsonld_blocks(html), "Article")["headline"] == "</script><script>alert(1)</script>"
    )


def test_the_traditional_page_describes_itself(client, make_article):
    article = make_article(title="征信")
    data = by_type(
        jsonld_blocks(client.get("/zh-hant" + article.get_absolute_url()).content.decode()),
        "Article",
    )
    assert data["headline"] == "徵信"
    assert data["inLanguage"] == "zh-Hant"
    assert data["url"] == f"http://testserver/zh-hant{article.get_absolute_url()}"


def test_it_has_open_graph_tags(client, make_article):
    article = make_article(title="信用卡逾期会怎样？", short_answer="会产生利息和违约金。")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="信用卡逾期会怎样？">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="会产生利息和违约金。">' in html
    assert (
        f'<meta property="og:url" content="http://testserver{article.get_absolute_url()}">' in html
    )


def test_it_uses_the_configured_site_url(client, make_article, settings):
    settings.SITE_URL = "https://kb.example.cn"
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<link rel="canonical" href="https://kb.example.cn{article.get_absolute_url()}">' in html
    )


def test_it_offers_a_copyable_link_without_javascript(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'value="http://testserver{article.get_absolute_url()}" readonly' in html
    assert '<script src="/static/js/share.js" defer></script>' in html
    assert "onclick" not in html


def test_it_serves_a_qr_code_of_the_permalink(client, make_article):
    article = make_article()
    response = client.get(f"/articles/{article.slug}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="/articles/{article.slug}/qr.svg"' in html


def test_the_qr_code_encodes_the_url_it_is_for(client, make_article):
    article = make_article()
    simplified = client.get(f"/articles/{article.slug}/qr.svg").content
    traditional = client.get(f"/articles/{article.slug}/qr.svg?script=hant").content
    assert simplified != traditional


def test_it_404s_the_qr_code_of_unknown_articles(client, db):
    assert client.get("/articles/nope/qr.svg").status_code == 404


def test_the_print_stylesheet_hides_navigation_and_prints_link_urls():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    print_css = css[css.index("@media print") :]
    for selector in (".site-header", ".share", ".feedback", ".latest", ".script-switch"):
        assert selector in print_css
    assert "attr(href)" in print_css
