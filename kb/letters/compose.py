"""A letter text and a reader's cleaned answers → the letter, as blocks of runs: what both the
HTML page and the .docx are made from. Pure Python: the text, its clauses and cited provisions
come in as plain data (kb/letters/views.py).

Editors' texts use a small Markdown: each non-empty line a paragraph, “## ” headings, “- ” list
items, {placeholders}; a line holding only a block placeholder ({所引条文}…) becomes that block.
"""

import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from kb.letters.kinds import BLOCKS, CLAUSES, COMMON, KINDS, PLACEHOLDER, PLAN_TABLE, PROVISIONS
from kb.letters.plan import Plan, make_plan

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
    out: list[Run] = []
    for run in runs:
        if run.kind != TEXT:
            out.append(run)
        else:
            out += _split(run.text, names, lambda name: Run(name, LINK, links[name]))
    return tuple(out)


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


@dataclass(frozen=True)
class Cited:
    name: str  # 《征信业管理条例》第二十五条
    url: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    title: str
    blocks: list[Block]
    notes: list[tuple[Run, ...]]  # for the reader, on the page only


def chinese_date(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def yuan(value: Decimal | None) -> str:
    return f"{value:,.2f}" if value is not None else ""


def shown(value) -> str:
    """A cleaned form value as the letter writes it."""
    if isinstance(value, date):
        return chinese_date(value)
    return yuan(value) if isinstance(value, Decimal) else str(value or "")


def compose(text, cited: list[Cited], clauses: list[tuple[str, list[Cited]]], data) -> Letter:
    """The letter from a text (its kind, title and body), its provisions and the chosen clauses
    (text, provisions), for these answers. Raises NoSolution when a repayment plan cannot work."""
    kind = KINDS[text.kind]
    placeholders = {**COMMON, **kind.placeholders}.items()
    values = {name: shown(data.get(source)) for name, (_, source) in placeholders if source}
    if kind.deadline and data.get(kind.deadline[1]):
        name, source, days = kind.deadline
        values[name] = chinese_date(data[source] + timedelta(days=days))
    plan = _plan(data, values) if PLAN_TABLE in kind.blocks else None
    cited = list({p.url: p for p in [*cited, *(p for _, ps in clauses for p in ps)]}.values())
    links = {p.name: p.url for p in cited}
    blocks = {
        CLAUSES: [b for words, ps in clauses for b in _clause_blocks(words, ps, values, links)],
        PROVISIONS: [b for p in cited for b in _provision_blocks(p)],
        PLAN_TABLE: _plan_table(plan) if plan else [],
    }
    body = build(text.body, values, links, blocks)
    notes = []
    for note in kind.notes:
        with suppress(KeyError):  # a note about a value that is not there is left out
            notes.append(linked([Run(note.format_map(values))], links))
    return Letter(text.title, body, notes)


def _provision_blocks(p: Cited) -> list[Block]:
    quotes = [Block("quote", (Run(paragraph),)) for paragraph in p.paragraphs]
    return [Block("cite", (Run(p.name, LINK, p.url),)), *quotes]


def _clause_blocks(text: str, cited: list[Cited], values: dict, links: dict) -> list[Block]:
    blocks = build(text, values, links)
    if cited:
        runs = [Run("依据：")]
        for i, p in enumerate(cited):
            runs += [Run("、")] * bool(i) + [Run(p.name, LINK, p.url)]
        blocks.append(Block("p", tuple(runs)))
    return blocks


def _plan(data: dict, values: dict) -> Plan:
    """The repayment plan, its values added to `values`."""
    rate = data.get("annual_rate") or Decimal("0")
    plan = make_plan(data["balance"], data["months"], rate, data["first_due"])
    values |= {
        "年利率": f"{rate.normalize():f}",
        "每期金额": yuan(plan.instalment),
        "还款总额": yuan(plan.total),
        "末期还款日": chinese_date(plan.schedule[-1][0]),
        # for the note only
        "最后一期": f"，最后一期 {yuan(plan.last)} 元" if plan.last != plan.instalment else "",
        "年化利率": str(plan.apr),
    }
    return plan


def _plan_table(plan: Plan) -> list[Block]:
    rows = [("期数", "还款日", "金额（元）")]
    for number, (due, amount) in enumerate(plan.schedule, 1):
        rows.append((f"第 {number} 期", chinese_date(due), yuan(amount)))
    return [Block("table", rows=(*rows, ("合计", "", yuan(plan.total))))]
