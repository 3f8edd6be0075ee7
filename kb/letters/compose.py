"""A letter text (the Markdown of kinds.py) and a reader's cleaned answers → the letter, as
blocks of runs, which both the page and the .docx are made from. Pure Python."""

import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf

from kb.letters.kinds import CLAUSES, COMMON, KINDS, PLACEHOLDER, PLAN_TABLE, PROVISIONS
from kb.rates.calc import LoanInput, NoSolution, add_months, calculate, percent

CENT = Decimal("0.01")

TEXT, VALUE, BLANK, LINK = "text", "value", "blank", "link"
BLOCK_LINE = re.compile(r"^\{\s*(" + "|".join((CLAUSES, PLAN_TABLE, PROVISIONS)) + r")\s*\}$")


@dataclass(frozen=True)
class Run:
    text: str
    kind: str = TEXT  # TEXT, VALUE (the reader's own words), BLANK (to fill by hand), LINK
    url: str = ""


@dataclass(frozen=True)
class Block:
    kind: str  # "h2", "p", "ul", "li", "cite" (a provision's name), "quote" (its text), "table"
    runs: tuple[Run, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # a table: the header row first
    items: tuple["Block", ...] = ()  # a list ("ul"): its items ("li")


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
    names = re.compile("(" + "|".join(map(re.escape, sorted(links, key=len, reverse=True))) + ")")

    def split(run: Run) -> list[Run]:
        if run.kind != TEXT or not links:
            return [run]
        return _split(run.text, names, lambda name: Run(name, LINK, links[name]))

    return tuple(piece for run in runs for piece in split(run))


def build(text: str, values: Mapping[str, str], links=None, blocks=None) -> list[Block]:
    """An editor's text filled in and linked; a block line becomes the given blocks (or none)."""
    out: list[Block] = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if match := BLOCK_LINE.match(line):
            out += (blocks or {}).get(match.group(1), [])
            continue
        kind = "p"
        if line.startswith("#"):
            kind, line = "h2", line.lstrip("#").strip()
        elif line.startswith(("- ", "* ")):
            kind, line = "li", line[2:].strip()
        block = Block(kind, linked(fill(line, values), links or {}))
        if kind == "li" and out and out[-1].kind == "ul":  # consecutive items make one list
            out[-1] = replace(out[-1], items=(*out[-1].items, block))
        else:
            out.append(Block("ul", items=(block,)) if kind == "li" else block)
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


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def shown(value) -> str:
    """A cleaned form value as the letter writes it ("" for none)."""
    if isinstance(value, date):
        return chinese_date(value)
    return yuan(value) if isinstance(value, Decimal) else str(value or "")


def compose(text, cited: list[Cited], clauses: list[tuple[str, list[Cited]]], data) -> Letter:
    """The letter from a text, its provisions and the chosen clauses (words, provisions)."""
    kind = KINDS[text.kind]
    placeholders = {**COMMON, **kind.placeholders}.items()
    values = {name: shown(data.get(source)) for name, (_, source) in placeholders if source}
    if kind.deadline and data.get(kind.deadline[1]):
        name, source, days = kind.deadline
        values[name] = chinese_date(data[source] + timedelta(days=days))
    table = repayment_plan(data, values) if kind.plan else []
    cited = list({p.url: p for p in [*cited, *(p for _, ps in clauses for p in ps)]}.values())
    links = {p.name: p.url for p in cited}
    # Each chosen clause ends with the provisions it relies on (依据：…), linked like any text.
    based = [
        f"{words}\n依据：{'、'.join(p.name for p in ps)}" if ps else words for words, ps in clauses
    ]
    blocks = {
        CLAUSES: [b for words in based for b in build(words, values, links)],
        PROVISIONS: [b for p in cited for b in _provision_blocks(p)],
        PLAN_TABLE: table,
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


def repayment_plan(data: dict, values: dict) -> list[Block]:
    """The plan as a table, its figures added to `values`: equal monthly instalments in fen (the
    last takes the rounding), costed by kb.rates.calc like any loan. Raises NoSolution."""
    balance, months, first_due = data["balance"], data["months"], data["first_due"]
    rate = data.get("annual_rate") or Decimal("0")
    if rate:
        exact = Decimal(repr(float(npf.pmt(float(rate) / 1200, months, -float(balance)))))
    else:
        exact = balance / months
    instalment = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if instalment <= 0:
        raise NoSolution("months", "欠款太少、期数太多：每期金额不足 1 分钱，请减少期数。")
    last = (exact * months).quantize(CENT, rounding=ROUND_HALF_UP) - instalment * (months - 1)
    if last <= 0:
        raise NoSolution("months", "按这个期数算，最后一期没有剩余金额，请减少期数。")
    schedule = [(add_months(first_due, k), instalment) for k in range(months - 1)]
    schedule.append((add_months(first_due, months - 1), last))
    start = add_months(first_due, -1)  # a month before the first instalment
    try:
        result = calculate(LoanInput(balance, balance, start, "custom", payments=tuple(schedule)))
    except NoSolution as problem:
        raise NoSolution("annual_rate", problem.message) from None
    total = yuan(result.total_paid)
    values |= {
        "年利率": f"{rate.normalize():f}",
        "每期金额": yuan(instalment),
        "还款总额": total,
        "末期还款日": chinese_date(schedule[-1][0]),
        "最后一期": f"，最后一期 {yuan(last)} 元" if last != instalment else "",  # for the note
        "年化利率": str(percent(result.apr)),
    }
    rows = [
        (f"第 {k} 期", chinese_date(due), yuan(amount))
        for k, (due, amount) in enumerate(schedule, 1)
    ]
    return [Block("table", rows=(("期数", "还款日", "金额（元）"), *rows, ("合计", "", total)))]
