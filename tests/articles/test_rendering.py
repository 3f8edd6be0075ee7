import pytest

from kb.articles.rendering import markdownify, render_markdown


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>正文", "<script"),
        ("[点我](javascript:alert(1))", "javascript:"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<a href="/x" onclick="steal()">链接</a>', "onclick"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ('<p style="position:fixed">覆盖</p>', "style="),
    ],
)
def test_it_strips_dangerous_html(source, forbidden):
    assert forbidden not in render_markdown(source).html


def test_it_renders_markdown_structure():
    html = render_markdown(
        "## 怎么办\n\n1. 先查征信\n2. 再联系客服\n\n| 项 | 值 |\n|---|---|\n| a | b |"
    ).html
    assert "<h2" in html and "怎么办" in html
    assert "<ol>" in html and "<li>先查征信</li>" in html
    assert "<table>" in html


def test_it_builds_a_table_of_contents_with_ascii_anchors():
    rendered = render_markdown("## 要点\n\n文字\n\n## 怎么办\n\n文字")
    assert 'href="#h-yao-dian"' in rendered.toc_html
    assert 'id="h-yao-dian"' in rendered.html


def test_it_keeps_safe_links_and_marks_them_noopener():
    html = render_markdown("[征信中心](https://www.pbccrc.org.cn/)").html
    assert 'href="https://www.pbccrc.org.cn/"' in html
    assert "noopener" in html


def test_preview_function_matches_the_public_html():
    source = "## 法律依据\n\n正文 **加粗**"
    assert markdownify(source) == render_markdown(source).html


def test_article_stores_rendered_html_at_save(make_article):
    article = make_article(body="## 要点\n\n<script>x</script>**重要**")
    article.refresh_from_db()
    assert "<strong>重要</strong>" in article.body_html
    assert "<script" not in article.body_html
    assert "要点" in article.toc_html
