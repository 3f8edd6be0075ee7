"""A letter text and a reader's cleaned answers → the letter's blocks and notes. Pure Python:
the text, its clauses and cited provisions come in as plain data (kb/letters/views.py)."""

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kb.letters.blocks import LINK, Block, Run, build, linked
from kb.letters.kinds import CLAUSES, COMMON, KINDS, PLAN_TABLE, PROVISIONS
from kb.letters.plan import Plan, make_plan


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
