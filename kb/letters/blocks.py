"""A letter as blocks of runs: what both the HTML page and the .docx are made from.

Pure Python (no Django). Editors' texts use a small Markdown: each line a paragraph (blank
lines only space the source), “## ” headings, “- ” list items, and {placeholders}; a line
holding only a block placeholder ({所引条文}…) is replaced by that block.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from kb.letters.kinds import BLOCKS
from kb.letters.placeholders import PLACEHOLDER

TEXT, VALUE, BLANK, LINK = "text", "value", "blank", "link"
BLOCK_LINE = re.compile(r"^\{\s*(" + "|".join(map(re.escape, BLOCKS)) + r")\s*\}$")


@dataclass(frozen=True)
class Run:
    text: str
    kind: str = TEXT  # TEXT, VALUE (the reader's own words), BLANK (to fill by hand), LINK
    url: str = ""


@dataclass(frozen=True)
class Block:
    kind: str  # "h2", "p", "li", "cite" (a provision's name), "quote" (its text), "table"
    runs: tuple[Run, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default=())  # a table: the header row first

    @property
    def body_rows(self) -> tuple[tuple[str, ...], ...]:
        return self.rows[1:]

    @property
    def text(self) -> str:
        if self.kind == "table":
            return "\n".join("\t".join(row) for row in self.rows)
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListGroup:
    """Consecutive list items, as the page shows them (one <ul>)."""

    items: tuple[Block, ...]
    kind: str = "list"


def grouped(blocks: list[Block]) -> list[Block | ListGroup]:
    out: list[Block | ListGroup] = []
    for block in blocks:
        if block.kind != "li":
            out.append(block)
        elif out and isinstance(out[-1], ListGroup):
            out[-1] = ListGroup((*out[-1].items, block))
        else:
            out.append(ListGroup((block,)))
    return out


def blank(name: str) -> Run:
    return Run(f"【待填：{name}】", BLANK)


def fill(text: str, values: Mapping[str, str]) -> tuple[Run, ...]:
    """A line of an editor's text with its placeholders replaced (a blank when no value)."""
    runs: list[Run] = []
    pos = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos : match.start()]))
        name = match.group(1).strip()
        value = values.get(name, "")
        runs.append(Run(value, VALUE) if value else blank(name))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return tuple(runs)


def linked(runs: tuple[Run, ...], links: Mapping[str, str]) -> tuple[Run, ...]:
    """The editor's own words with each cited provision's name (《民法典》第六百七十条) linked."""
    if not links:
        return runs
    names = re.compile("|".join(map(re.escape, sorted(links, key=len, reverse=True))))
    out: list[Run] = []
    for run in runs:
        if run.kind != TEXT:
            out.append(run)
            continue
        pos = 0
        for match in names.finditer(run.text):
            if match.start() > pos:
                out.append(Run(run.text[pos : match.start()]))
            out.append(Run(match.group(0), LINK, links[match.group(0)]))
            pos = match.end()
        if pos < len(run.text):
            out.append(Run(run.text[pos:]))
    return tuple(out)


def parse(text: str) -> list[tuple[str, str]]:
    """Editor's Markdown → (kind, raw line) pairs, one per non-empty line (a letter's lines are
    short: “此致” and the addressee stand on lines of their own); kind "block" names a block."""
    lines = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return [_line_kind(line) for line in lines if line]


def _line_kind(line: str) -> tuple[str, str]:
    if match := BLOCK_LINE.match(line):
        return "block", match.group(1)
    if line.startswith("#"):
        return "h2", line.lstrip("#").strip()
    if line.startswith(("- ", "* ")):
        return "li", line[2:].strip()
    return "p", line


def build(
    text: str,
    values: Mapping[str, str],
    blocks: Mapping[str, list[Block]] | None = None,
    links: Mapping[str, str] | None = None,
) -> list[Block]:
    """An editor's text filled in, cited provisions linked; block placeholders become the
    given blocks (or nothing)."""
    out: list[Block] = []
    for kind, content in parse(text):
        if kind == "block":
            out.extend((blocks or {}).get(content, []))
        else:
            out.append(Block(kind, linked(fill(content, values), links or {})))
    return out


def convert(blocks: list[Block], to: Callable[[str], str]) -> list[Block]:
    """The same blocks with every text passed through `to` (e.g. 简体 → 繁體)."""
    return [
        replace(
            b,
            runs=tuple(replace(r, text=to(r.text)) for r in b.runs),
            rows=tuple(tuple(to(cell) for cell in row) for row in b.rows),
        )
        for b in blocks
    ]
