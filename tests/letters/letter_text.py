"""The letter's paragraphs as a reader sees them: from the page's HTML and from the .docx."""

import io
import re
from html.parser import HTMLParser

import docx

BLOCK_TAGS = {"p", "h1", "h2", "h3", "li"}
CELL_TAGS = {"th", "td"}


class _LetterParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article class="letter">
        self.paragraphs: list[str] = []
        self.rows: list[list[str]] = []
        self._text: list[str] | None = None
        self._links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "letter" in (a.get("class") or "").split():
            self.depth = 1
        elif self.depth:
            if tag == "article":
                self.depth += 1
            if tag in BLOCK_TAGS | CELL_TAGS and self._text is None:
                self._text = []
            elif tag == "tr":
                self.rows.append([])
            elif tag == "br" and self._text is not None:
                self._text.append("\n")
            elif tag == "a":
                self._links.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "article":
            self.depth -= 1
        elif tag in BLOCK_TAGS | CELL_TAGS and self._text is not None:
            text = "".join(self._text).strip()
            if tag in CELL_TAGS:
                self.rows[-1].append(text)
            else:
                self.paragraphs.append(text)
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(re.sub(r"\n\s*", "", data))


def html_letter(html: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(paragraphs, table rows, link targets) of the letter on a page."""
    parser = _LetterParser()
    parser.feed(html)
    return parser.paragraphs, parser.rows, parser._links


def docx_letter(content: bytes) -> tuple[list[str], list[list[str]], docx.document.Document]:
    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, rows, document
