"""The letter as a Word file (python-docx): the same blocks as the page, A4, proper headings."""

from collections.abc import Callable
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kb.letters.compose import BLANK, Letter

FONT = "宋体"
STYLES = {"h2": "Heading 2", "cite": "Heading 3", "quote": "Quote", "li": "List Bullet"}


def docx_bytes(letter: Letter, to: Callable[[str], str] = str) -> bytes:
    """The .docx of the letter, every text passed through `to` (e.g. 简体 → 繁體)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    for style_name in ("Normal", "Heading 1", *STYLES.values()):
        style = document.styles[style_name]
        style.font.name = FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.styles["Normal"].font.size = Pt(12)
    document.add_heading(to(letter.title), level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in letter.blocks:
        if block.kind == "table":
            table = document.add_table(len(block.rows), len(block.rows[0]), "Table Grid")
            for row, cells in zip(block.rows, table.rows, strict=True):
                for text, cell in zip(row, cells.cells, strict=True):
                    cell.text = to(text)
            for cell in table.rows[0].cells:  # the header
                cell.paragraphs[0].runs[0].font.bold = True
            continue
        for item in block.items or [block]:
            paragraph = document.add_paragraph(style=STYLES.get(item.kind))
            for run in item.runs:
                added = paragraph.add_run(to(run.text))
                if run.kind == BLANK:
                    added.font.highlight_color = WD_COLOR_INDEX.YELLOW
                    added.font.underline = True
    out = BytesIO()
    document.save(out)
    return out.getvalue()
