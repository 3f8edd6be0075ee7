"""From a letter's text and a reader's cleaned answers to the letter: values, blocks, notes.

Pure Python (no Django, no database): the letter's text, clauses and provisions come in as
plain data (kb/letters/pages.py reads them), the reader's answers as a form's cleaned_data.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kb.letters.blocks import LINK, Block, ListGroup, Run, build, grouped, linked
from kb.letters.kinds import CLAUSES, PLAN_TABLE, PROVISIONS
from kb.letters.plan import Plan, PlanError, make_plan

OBJECTION_DAYS = 20  # 征信业管理条例 第二十五条: 自收到异议之日起20日内
DEFENCE_DAYS = 15  # 民事诉讼法 第一百二十八条: 在收到之日起十五日内提出答辩状


@dataclass(frozen=True)
class Cited:
    name: str  # 《征信业管理条例》第二十五条
    url: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ClauseText:
    key: str
    label: str
    text: str
    provisions: tuple[Cited, ...]


@dataclass(frozen=True)
class Template:
    kind: str
    title: str
    body: str
    provisions: tuple[Cited, ...]
    clauses: tuple[ClauseText, ...]


@dataclass(frozen=True)
class Letter:
    title: str
    blocks: list[Block]
    notes: list[tuple[Run, ...]]  # for the reader, on the page only
    plan: Plan | None = None

    @property
    def html_blocks(self) -> list[Block | ListGroup]:
        return grouped(self.blocks)


def chinese_date(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def yuan(value: Decimal | None) -> str:
    return f"{value:,.2f}" if value is not None else ""


def compose(template: Template, data: dict, chosen: list[str]) -> Letter:
    """The letter for these answers. Raises PlanError when a repayment plan cannot work."""
    values, notes, plan = VALUES[template.kind](data)
    values |= {
        "姓名": data["name"],
        "联系电话": data.get("phone") or "",
        "日期": chinese_date(data.get("date")),
    }
    clauses = [c for c in template.clauses if c.key in chosen]
    cited = _unique([*template.provisions, *(p for c in clauses for p in c.provisions)])
    links = {p.name: p.url for p in cited}
    blocks = {
        CLAUSES: [b for c in clauses for b in _clause_blocks(c, values, links)],
        PROVISIONS: [b for p in cited for b in _provision_blocks(p)],
        PLAN_TABLE: _plan_table(plan) if plan else [],
    }
    body = build(template.body, values, blocks, links)
    return Letter(template.title, body, [linked((Run(n),), links) for n in notes], plan)


def _unique(provisions: list[Cited]) -> list[Cited]:
    return list({p.url: p for p in provisions}.values())


def _clause_blocks(clause: ClauseText, values: dict, links: dict) -> list[Block]:
    blocks = build(clause.text, values, links=links)
    if clause.provisions:
        runs: list[Run] = [Run("依据：")]
        for i, p in enumerate(clause.provisions):
            runs += [Run("、")] if i else []
            runs.append(Run(p.name, LINK, p.url))
        blocks.append(Block("p", tuple(runs)))
    return blocks


def _provision_blocks(p: Cited) -> list[Block]:
    return [Block("cite", (Run(p.name, LINK, p.url),))] + [
        Block("quote", (Run(text),)) for text in p.paragraphs
    ]


def _plan_table(plan: Plan) -> list[Block]:
    rows = [("期数", "还款日", "金额（元）")]
    rows += [(f"第 {i.number} 期", chinese_date(i.due), yuan(i.amount)) for i in plan.schedule]
    rows.append(("合计", "", yuan(plan.total)))
    return [Block("table", rows=tuple(rows))]


def credit_objection(data: dict) -> tuple[dict, list[str], None]:
    values = {
        "收件机构": data["recipient"],
        "异议记录": data["record"],
        "错误理由": data["reason"],
        "请求事项": data["request"],
        "证明材料": data.get("evidence") or "",
        "答复期限": "",
    }
    notes = [
        "《征信业管理条例》第二十五条：征信机构或者信息提供者应自收到异议之日起 20 日内核查、"
        "处理并书面答复。请保留寄送或提交的凭证，以便知道对方是哪一天收到的。"
    ]
    if sent := data.get("date"):
        due = sent + timedelta(days=OBJECTION_DAYS)
        values["答复期限"] = chinese_date(due)
        notes.append(
            f"如果对方在落款日（{chinese_date(sent)}）当天收到，20 日届满是 {chinese_date(due)}；"
            "对方实际收到得晚，期限也相应推后。"
        )
    return values, notes, None


def stop_harassment(data: dict) -> tuple[dict, list[str], None]:
    values = {
        "收件机构": data["recipient"],
        "借款信息": data.get("account") or "",
        "催收行为": data["conduct"],
        "第三方情况": data.get("third_party_detail") or "",
        "监管部门": data["regulator"],
    }
    notes = [
        "寄出前复印或截图留底，并保留寄送凭证、通话记录和短信截图：投诉和日后可能的诉讼都要用到。"
    ]
    return values, notes, None


def repayment_plan(data: dict) -> tuple[dict, list[str], Plan]:
    rate = data.get("annual_rate") or Decimal("0")
    plan = make_plan(data["balance"], data["months"], rate, data["first_due"])
    values = {
        "收件机构": data["recipient"],
        "借款信息": data.get("account") or "",
        "欠款总额": yuan(plan.balance),
        "分期期数": str(plan.months),
        "年利率": f"{rate.normalize():f}",
        "每期金额": yuan(plan.instalment),
        "还款总额": yuan(plan.total),
        "首期还款日": chinese_date(plan.schedule[0].due),
        "末期还款日": chinese_date(plan.schedule[-1].due),
        "收入情况": data["income"],
        "困难原因": data["hardship"],
    }
    last = f"，最后一期 {yuan(plan.last)} 元" if plan.last != plan.instalment else ""
    notes = [
        f"按你的方案：每期 {yuan(plan.instalment)} 元，共 {plan.months} 期{last}，"
        f"合计 {yuan(plan.total)} 元；按实际还款日期计算，相当于年化利率约 {plan.apr}%。",
        "机构是否同意、按什么条件分期，由机构根据自身规则和你的情况决定。提出的每期金额应当是你确实还得起的数。",
    ]
    return values, notes, plan


def civil_defence(data: dict) -> tuple[dict, list[str], None]:
    served = data["served"]
    due = served + timedelta(days=DEFENCE_DAYS)
    values = {
        "法院": data["court"],
        "案号": data["case_number"],
        "原告": data["plaintiff"],
        "送达日期": chinese_date(served),
        "答辩期届满日": chinese_date(due),
        "事实与理由": data["facts"],
        "实际到手金额": yuan(data.get("received")),
        "已还金额": yuan(data.get("repaid")),
    }
    notes = [
        f"答辩期：被告应在收到起诉状副本之日起 15 日内提出答辩状（《民事诉讼法》第一百二十八条）。"
        f"你在 {chinese_date(served)} 收到，答辩期最后一日是 {chinese_date(due)}。",
        "收到当天不计入期间；最后一日是法定休假日的，以休假日后的第一日为期间届满的日期"
        "（《民事诉讼法》第八十五条）。请以法院的通知为准，尽量提前提交，并留一份副本。",
    ]
    return values, notes, None


VALUES = {
    "credit-objection": credit_objection,
    "stop-harassment": stop_harassment,
    "repayment-plan": repayment_plan,
    "civil-defence": civil_defence,
}

__all__ = ["PlanError", "compose"]
