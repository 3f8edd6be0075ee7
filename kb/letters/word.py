"""The letter as a Word file (python-docx): the same blocks as the page, A4, proper headings."""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kb.letters.blocks import BLANK, Block

FONT = "宋体"


def docx_bytes(title: str, blocks: list[Block]) -> bytes:
    document = Document()
    _page(document)
    heading = document.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in blocks:
        _add(document, block)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Quote", "List Bullet"):
        style = document.styles[style_name]
        style.font.name = FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(12)


def _add(document, block: Block) -> None:
    if block.kind == "table":
        _table(document, block)
        return
    if block.kind == "h2":
        paragraph = document.add_heading(level=2)
    elif block.kind == "cite":
        paragraph = document.add_heading(level=3)
    elif block.kind == "quote":
        paragraph = document.add_paragraph(style="Quote")
    elif block.kind == "li":
        paragraph = document.add_paragraph(style="List Bullet")
    else:
        paragraph = document.add_paragraph()
    for run in block.runs:
        added = paragraph.add_run(run.text)
        if run.kind == BLANK:
            added.font.highlight_color = WD_COLOR_INDEX.YELLOW
            added.font.underline = True


def _table(document, block: Block) -> None:
    header, *rows = block.rows
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].font.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
