"""A letter as blocks of runs: what both the HTML page and the .docx are made from. Pure Python.

Editors' texts use a small Markdown: each non-empty line a paragraph, “## ” headings, “- ” list
items, {placeholders}; a line holding only a block placeholder ({所引条文}…) becomes that block.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import groupby

from kb.letters.kinds import BLOCKS, PLACEHOLDER

TEXT, VALUE, BLANK, LINK = "text", "value", "blank", "link"
BLOCK_LINE = re.compile(r"^\{\s*(" + "|".join(BLOCKS) + r")\s*\}$")


@dataclass(frozen=True)
class Run:
    text: str
    kind: str = TEXT  # TEXT, VALUE (the reader's own words), BLANK (to fill by hand), LINK
    url: str = ""


@dataclass(frozen=True)
class Block:
    kind: str  # "h2", "p", "li", "cite" (a provision's name), "quote" (its text), "table"
    runs: tuple[Run, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # a table: the header row first


@dataclass(frozen=True)
class ListGroup:
    """Consecutive list items, as the page shows them (one <ul>)."""

    items: tuple[Block, ...]
    kind: str = "list"


def grouped(blocks: list[Block]) -> list[Block | ListGroup]:
    out: list[Block | ListGroup] = []
    for is_item, run in groupby(blocks, key=lambda block: block.kind == "li"):
        run = tuple(run)
        out += [ListGroup(run)] if is_item else run
    return out


def _split(text: str, pattern: re.Pattern, found: Callable[[str], Run]) -> list[Run]:
    """The text as runs: `found(match)` for each match of the pattern's one group."""
    parts = pattern.split(text)
    return [found(part) if i % 2 else Run(part) for i, part in enumerate(parts) if part or i % 2]


def fill(text: str, values: Mapping[str, str]) -> list[Run]:
    """A line of an editor's text with its placeholders replaced (a blank when no value)."""

    def value(name: str) -> Run:
        name = name.strip()
        return Run(values[name], VALUE) if values.get(name) else Run(f"【待填：{name}】", BLANK)

    return _split(text, PLACEHOLDER, value)


def linked(runs: list[Run], links: Mapping[str, str]) -> tuple[Run, ...]:
    """The editor's own words with each cited provision's name (《民法典》第六百七十条) linked."""
    if not links:
        return tuple(runs)
    names = re.compile("(" + "|".join(map(re.escape, sorted(links, key=len, reverse=True))) + ")")
    return tuple(
        part
        for run in runs
        for part in (
            _split(run.text, names, lambda name: Run(name, LINK, links[name]))
            if run.kind == TEXT
            else [run]
        )
    )


def parse(text: str) -> list[tuple[str, str]]:
    """Editor's Markdown → (kind, line) pairs, one per non-empty line; "block" names a block."""
    out = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if match := BLOCK_LINE.match(line):
            out.append(("block", match.group(1)))
        elif line.startswith("#"):
            out.append(("h2", line.lstrip("#").strip()))
        elif line.startswith(("- ", "* ")):
            out.append(("li", line[2:].strip()))
        else:
            out.append(("p", line))
    return out


def build(text: str, values: Mapping[str, str], links=None, blocks=None) -> list[Block]:
    """An editor's text filled in, cited provisions linked; block placeholders become the
    given blocks (or nothing)."""
    out: list[Block] = []
    for kind, line in parse(text):
        if kind == "block":
            out += (blocks or {}).get(line, [])
        else:
            out.append(Block(kind, linked(fill(line, values), links or {})))
    return out
