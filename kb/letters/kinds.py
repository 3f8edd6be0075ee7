"""The letter kinds as data, and the check of an editor's text against them. A text is a small
Markdown (a line a paragraph, “## ” headings, “- ” list items) with placeholders such as {姓名};
{所选段落}, {还款计划表} and {所引条文}, alone on a line, put a block there."""

import re
from dataclasses import dataclass, field

CLAUSES, PLAN_TABLE, PROVISIONS = "所选段落", "还款计划表", "所引条文"
PLACEHOLDER = re.compile(r"\{([^{}\n]{0,40})\}")

# Placeholder → (what it holds, shown to editors; the form field giving its value, if any).
HAND_FILLED = ("身份证号码", "性别", "年龄", "民族", "职业", "工作单位", "住址", "签名")
COMMON = {
    "姓名": ("你的姓名", "name"),
    "联系电话": ("联系电话（没填时留空白）", "phone"),
    "日期": ("落款日期（没填时留空白）", "date"),
    **{name: (name, "") for name in HAND_FILLED},  # never asked: always filled in by hand
}


@dataclass(frozen=True)
class Kind:
    name: str
    placeholders: dict[str, tuple[str, str]]
    notes: tuple[str, ...]  # for the reader, on the page only; filled like the text ({name})
    clauses: dict[str, str] = field(default_factory=dict)  # key → the reader's checkbox label
    plan: bool = False  # a repayment plan, and its table
    deadline: tuple[str, str, int] | None = None  # (placeholder, from the date field, days)

    @property
    def blocks(self) -> tuple[str, ...]:
        return (CLAUSES,) * bool(self.clauses) + (PLAN_TABLE,) * self.plan + (PROVISIONS,)

    def problems(self, text: str, where: str = "正文", inline: bool = False) -> list[str]:
        """Messages for unknown placeholders and unmatched braces; an `inline` text has no block."""
        known = {*COMMON, *self.placeholders, *(() if inline else self.blocks)}
        messages = []
        if unknown := sorted({n.strip() for n in PLACEHOLDER.findall(text)} - known):
            listed = "、".join(f"{{{name}}}" for name in unknown)
            allowed = "、".join(f"{{{name}}}" for name in sorted(known))
            messages.append(
                f"{where}里有未知的占位符 {listed}：可能是笔误。这类文书可用的占位符是：{allowed}。"
            )
        if re.search(r"[{}]", PLACEHOLDER.sub("", text)):
            messages.append(f"{where}里有不成对的花括号 {{ 或 }}：占位符要写成 {{姓名}} 这样。")
        return messages


KINDS = {
    "credit-objection": Kind(
        "征信异议申请",
        {
            "收件机构": ("征信机构或信息提供者的名称", "recipient"),
            "异议记录": ("有异议的记录（机构、账户、日期、金额）", "record"),
            "错误理由": ("错在哪里、为什么", "reason"),
            "请求事项": ("请求更正或删除的内容", "request"),
            "证明材料": ("附上的证明材料（没填时留空白）", "evidence"),
            "答复期限": ("按落款日期估算的 20 日答复期限", ""),
        },
        (
            "《征信业管理条例》第二十五条：征信机构或者信息提供者应自收到异议之日起 20 日内核查、"
            "处理并书面答复。请保留寄送或提交的凭证，以便知道对方是哪一天收到的。",
            "如果对方在落款日（{日期}）当天收到，20 日届满是 {答复期限}；"
            "对方实际收到得晚，期限也相应推后。",
        ),
        deadline=("答复期限", "date", 20),
    ),
    "stop-harassment": Kind(
        "要求停止骚扰和违规催收的告知函",
        {
            "收件机构": ("贷款机构或催收机构的名称", "recipient"),
            "借款信息": ("借款的平台、合同或账户（没填时留空白）", "account"),
            "催收行为": ("催收的时间、次数和方式", "conduct"),
            "第三方情况": ("被联系的家人、朋友或同事（没填时留空白）", "third_party_detail"),
            "监管部门": ("准备投诉的监管部门", "regulator"),
        },
        (
            "寄出前复印或截图留底，并保留寄送凭证、通话记录和短信截图：投诉和日后可能的诉讼都要用到。",
        ),
        clauses={"third-parties": "催收方联系过我的家人、朋友、同事或其他第三方"},
    ),
    "repayment-plan": Kind(
        "协商还款和个性化分期申请",
        {
            "收件机构": ("贷款机构的名称", "recipient"),
            "借款信息": ("借款的产品、合同或账户（没填时留空白）", "account"),
            "欠款总额": ("目前的欠款总额（元）", "balance"),
            "分期期数": ("申请分几期（月）", "months"),
            "年利率": ("建议的年利率（%）", ""),
            "每期金额": ("算出的每期还款额（元）", ""),
            "还款总额": ("算出的还款总额（元）", ""),
            "首期还款日": ("第一期还款日", "first_due"),
            "末期还款日": ("最后一期还款日", ""),
            "收入情况": ("现在的收入", "income"),
            "困难原因": ("还款困难的原因", "hardship"),
        },
        (
            "按你的方案：每期 {每期金额} 元，共 {分期期数} 期{最后一期}，合计 {还款总额} 元；"
            "按实际还款日期计算，相当于年化利率约 {年化利率}%。",
            "机构是否同意、按什么条件分期，由机构根据自身规则和你的情况决定。提出的每期金额应当是你确实还得起的数。",
        ),
        plan=True,
    ),
    "civil-defence": Kind(
        "民事答辩状（借款纠纷）",
        {
            "法院": ("受理案件的法院", "court"),
            "案号": ("案号", "case_number"),
            "原告": ("原告（起诉你的一方）", "plaintiff"),
            "送达日期": ("收到起诉状副本的日期", "served"),
            "答辩期届满日": ("按送达日期算出的答辩期最后一日", ""),
            "事实与理由": ("你对案件事实的说明", "facts"),
            "实际到手金额": ("实际拿到的借款金额（元，没填时留空白）", "received"),
            "已还金额": ("已经还过的金额（元，没填时留空白）", "repaid"),
        },
        (
            "答辩期：被告应在收到起诉状副本之日起 15 日内提出答辩状（《民事诉讼法》第一百二十八条）。"
            "你在 {送达日期} 收到，答辩期最后一日是 {答辩期届满日}。",
            "收到当天不计入期间；最后一日是法定休假日的，以休假日后的第一日为期间届满的日期"
            "（《民事诉讼法》第八十五条）。请以法院的通知为准，尽量提前提交，并留一份副本。",
        ),
        clauses={
            "interest-cap": "利息超过法律保护的上限",
            "deducted-interest": "利息被预先从本金中扣除（砍头息）",
            "limitation": "诉讼时效已过",
            "wrong-amount": "原告主张的金额有误",
            "partial-repayment": "我已经还过一部分",
        },
        deadline=("答辩期届满日", "served", 15),
    ),
}
