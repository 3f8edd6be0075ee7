"""The letter kinds: what each one's text may contain. Pure Python: no Django here.

A letter's text (kept by editors in admin) is a short Markdown with named placeholders in
braces, e.g. “申请人：{姓名}”. Each kind names the placeholders its form fills; a text that
uses any other name cannot be published (kb/letters/placeholders.py).

Three placeholders stand alone on their own line and put a block there instead of words:
{所选段落} the optional paragraphs the reader ticked (defences, extra facts), {还款计划表} the
computed plan, {所引条文} the cited provisions quoted in full. Blanks — what the reader must
still write by hand — are placeholders too ({身份证号码}, {签名}): they print as a marked blank.
"""

from dataclasses import dataclass, field

CLAUSES = "所选段落"
PLAN_TABLE = "还款计划表"
PROVISIONS = "所引条文"
BLOCKS = (CLAUSES, PLAN_TABLE, PROVISIONS)

# Always left for the reader to fill in by hand: the site never asks for them.
HAND_FILLED = {
    "身份证号码": "身份证号码",
    "性别": "性别",
    "年龄": "年龄",
    "民族": "民族",
    "职业": "职业",
    "工作单位": "工作单位",
    "住址": "住址",
    "签名": "签名",
}
COMMON = {
    "姓名": "你的姓名",
    "联系电话": "联系电话（没填时留空白）",
    "日期": "落款日期（没填时留空白）",
    **HAND_FILLED,
}


@dataclass(frozen=True)
class Kind:
    slug: str
    name: str
    placeholders: dict[str, str]  # name → what it holds (shown to editors)
    clauses: dict[str, str] = field(default_factory=dict)  # key → the reader's checkbox label
    blocks: tuple[str, ...] = (PROVISIONS,)

    def names(self) -> set[str]:
        return {*COMMON, *self.placeholders, *self.blocks}


CREDIT_OBJECTION = Kind(
    "credit-objection",
    "征信异议申请",
    {
        "收件机构": "征信机构或信息提供者的名称",
        "异议记录": "有异议的记录（机构、账户、日期、金额）",
        "错误理由": "错在哪里、为什么",
        "请求事项": "请求更正或删除的内容",
        "证明材料": "附上的证明材料（没填时留空白）",
        "答复期限": "按落款日期估算的 20 日答复期限",
    },
)
STOP_HARASSMENT = Kind(
    "stop-harassment",
    "要求停止骚扰和违规催收的告知函",
    {
        "收件机构": "贷款机构或催收机构的名称",
        "借款信息": "借款的平台、合同或账户（没填时留空白）",
        "催收行为": "催收的时间、次数和方式",
        "第三方情况": "被联系的家人、朋友或同事（没填时留空白）",
        "监管部门": "准备投诉的监管部门",
    },
    clauses={"third-parties": "催收方联系过我的家人、朋友、同事或其他第三方"},
    blocks=(CLAUSES, PROVISIONS),
)
REPAYMENT_PLAN = Kind(
    "repayment-plan",
    "协商还款和个性化分期申请",
    {
        "收件机构": "贷款机构的名称",
        "借款信息": "借款的产品、合同或账户（没填时留空白）",
        "欠款总额": "目前的欠款总额（元）",
        "分期期数": "申请分几期（月）",
        "年利率": "建议的年利率（%）",
        "每期金额": "算出的每期还款额（元）",
        "还款总额": "算出的还款总额（元）",
        "首期还款日": "第一期还款日",
        "末期还款日": "最后一期还款日",
        "收入情况": "现在的收入",
        "困难原因": "还款困难的原因",
    },
    blocks=(PLAN_TABLE, PROVISIONS),
)
CIVIL_DEFENCE = Kind(
    "civil-defence",
    "民事答辩状（借款纠纷）",
    {
        "法院": "受理案件的法院",
        "案号": "案号",
        "原告": "原告（起诉你的一方）",
        "送达日期": "收到起诉状副本的日期",
        "答辩期届满日": "按送达日期算出的答辩期最后一日",
        "事实与理由": "你对案件事实的说明",
        "实际到手金额": "实际拿到的借款金额（元，没填时留空白）",
        "已还金额": "已经还过的金额（元，没填时留空白）",
    },
    clauses={
        "interest-cap": "利息超过法律保护的上限",
        "deducted-interest": "利息被预先从本金中扣除（砍头息）",
        "limitation": "诉讼时效已过",
        "wrong-amount": "原告主张的金额有误",
        "partial-repayment": "我已经还过一部分",
    },
    blocks=(CLAUSES, PROVISIONS),
)

KINDS = {k.slug: k for k in (CREDIT_OBJECTION, STOP_HARASSMENT, REPAYMENT_PLAN, CIVIL_DEFENCE)}
KIND_CHOICES = [(k.slug, k.name) for k in KINDS.values()]
