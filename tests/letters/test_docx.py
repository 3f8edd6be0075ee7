"""The Word file holds the same letter as the page: paragraphs, headings, the plan's table."""

from tests.letters.answers import ALL, CIVIL_DEFENCE, DEFENCES
from tests.letters.conftest import letter_url
from tests.letters.letter_text import docx_letter, html_letter

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def both(client, kind, params, hant=False):
    html = client.get(letter_url(kind, params, hant=hant)).content.decode()
    response = client.get(letter_url(kind, params, hant=hant, docx=True))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == f'attachment; filename="{kind}.docx"'
    return html_letter(html), docx_letter(response.content)


def test_each_kind_s_docx_holds_the_same_paragraphs_and_table(client, letters):
    for kind, answers in ALL.items():
        params = list(answers.items())
        if kind == "civil-defence":
            params += [("clauses", key) for key in DEFENCES]
        (html_paragraphs, html_rows, _), (paragraphs, rows, _) = both(client, kind, params)
        assert paragraphs == html_paragraphs, kind
        assert rows == html_rows, kind


def test_it_has_proper_headings_and_a4_pages(client, letters):
    params = [*CIVIL_DEFENCE.items(), ("clauses", "limitation")]
    _, (_, _, document) = both(client, "civil-defence", params)
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["民事答辩状"] == "Heading 1"
    assert styles["答辩意见"] == "Heading 2"
    assert styles["《民法典》第一百八十八条"] == "Heading 3"
    assert styles["诉讼时效期间届满的，义务人可以提出不履行义务的抗辩。"] == "Quote"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_blanks_are_highlighted_in_the_docx(client, letters):
    _, (_, _, document) = both(client, "civil-defence", CIVIL_DEFENCE)
    blanks = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【待填")]
    assert blanks and all(r.font.highlight_color is not None for r in blanks)


def test_the_docx_under_zh_hant_is_in_traditional_script(client, letters):
    (html_paragraphs, _, _), (paragraphs, _, _) = both(
        client, "credit-objection", ALL["credit-objection"], hant=True
    )
    assert paragraphs[0] == "徵信異議申請書"
    assert paragraphs == html_paragraphs


def test_a_docx_with_bad_input_is_a_400_page(client, letters):
    response = client.get(letter_url("credit-objection", {"name": ""}, docx=True))
    assert response.status_code == 400
    assert "请填写你的姓名。" in response.content.decode()
