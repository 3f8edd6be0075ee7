"""A letter text and a reader's cleaned answers → the letter's blocks and notes. Pure Python:
the text, its clauses and cited provisions come in as plain data (kb/letters/views.py)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kb.letters.blocks import LINK, Block, Run, build, linked
from kb.letters.kinds import CLAUSES, COMMON, KINDS, PLAN_TABLE, PROVISIONS
from kb.letters.plan import Plan, make_plan

OBJECTION_DAYS = 20  # 征信业管理条例 第二十五条: 自收到异议之日起20日内
DEFENCE_DAYS = 15  # 民事诉讼法 第一百二十八条: 在收到之日起十五日内提出答辩状


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
    placeholders = {**COMMON, **KINDS[text.kind].placeholders}.items()
    values = {name: shown(data.get(source)) for name, (_, source) in placeholders if source}
    notes, plan = EXTRA[text.kind](data, values)
    cited = list({p.url: p for p in [*cited, *(p for _, ps in clauses for p in ps)]}.values())
    links = {p.name: p.url for p in cited}
    blocks = {
        CLAUSES: [b for words, ps in clauses for b in _clause_blocks(words, ps, values, links)],
        PROVISIONS: [b for p in cited for b in _provision_blocks(p)],
        PLAN_TABLE: _plan_table(plan) if plan else [],
    }
    body = build(text.body, values, links, blocks)
    return Letter(text.title, body, [linked([Run(note)], links) for note in notes])


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


def _plan_table(plan: Plan) -> list[Block]:
    rows = [("期数", "还款日", "金额（元）")]
    for number, (due, amount) in enumerate(plan.schedule, 1):
        rows.append((f"第 {number} 期", chinese_date(due), yuan(amount)))
    return [Block("table", rows=(*rows, ("合计", "", yuan(plan.total))))]


def credit_objection(data: dict, values: dict) -> tuple[list[str], None]:
    notes = [
        "《征信业管理条例》第二十五条：征信机构或者信息提供者应自收到异议之日起 20 日内核查、"
        "处理并书面答复。请保留寄送或提交的凭证，以便知道对方是哪一天收到的。"
    ]
    if sent := data.get("date"):
        values["答复期限"] = chinese_date(sent + timedelta(days=OBJECTION_DAYS))
        notes.append(
            f"如果对方在落款日（{chinese_date(sent)}）当天收到，20 日届满是 {values['答复期限']}；"
            "对方实际收到得晚，期限也相应推后。"
        )
    return notes, None


def stop_harassment(data: dict, values: dict) -> tuple[list[str], None]:
    return [
        "寄出前复印或截图留底，并保留寄送凭证、通话记录和短信截图：投诉和日后可能的诉讼都要用到。"
    ], None


def repayment_plan(data: dict, values: dict) -> tuple[list[str], Plan]:
    rate = data.get("annual_rate") or Decimal("0")
    plan = make_plan(data["balance"], data["months"], rate, data["first_due"])
    values |= {
        "年利率": f"{rate.normalize():f}",
        "每期金额": yuan(plan.instalment),
        "还款总额": yuan(plan.total),
        "末期还款日": chinese_date(plan.schedule[-1][0]),
    }
    last = f"，最后一期 {yuan(plan.last)} 元" if plan.last != plan.instalment else ""
    notes = [
        f"按你的方案：每期 {yuan(plan.instalment)} 元，共 {data['months']} 期{last}，"
        f"合计 {yuan(plan.total)} 元；按实际还款日期计算，相当于年化利率约 {plan.apr}%。",
        "机构是否同意、按什么条件分期，由机构根据自身规则和你的情况决定。提出的每期金额应当是你确实还得起的数。",
    ]
    return notes, plan


def civil_defence(data: dict, values: dict) -> tuple[list[str], None]:
    values["答辩期届满日"] = chinese_date(data["served"] + timedelta(days=DEFENCE_DAYS))
    return [
        f"答辩期：被告应在收到起诉状副本之日起 15 日内提出答辩状（《民事诉讼法》第一百二十八条）。"
        f"你在 {values['送达日期']} 收到，答辩期最后一日是 {values['答辩期届满日']}。",
        "收到当天不计入期间；最后一日是法定休假日的，以休假日后的第一日为期间届满的日期"
        "（《民事诉讼法》第八十五条）。请以法院的通知为准，尽量提前提交，并留一份副本。",
    ], None


EXTRA = {
    "credit-objection": credit_objection,
    "stop-harassment": stop_harassment,
    "repayment-plan": repayment_plan,
    "civil-defence": civil_defence,
}
