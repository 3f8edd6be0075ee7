"""The legal position of a computed rate in plain Chinese (no Django). Findings say what the rules
say and how the reader's numbers compare; they never predict what a court or a lender will do."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from kb.rates.calc import LoanInput, RateResult, percent
from kb.rates.lpr import LprPoint, LprTable
from kb.rates.lpr import day_text as _day

LPR_START = date(2019, 8, 20)
TRANSITION = date(2020, 8, 20)
ART25 = ("《民间借贷规定》第二十五条", "/laws/minjian-jiedai/25/")
TEXT_31_2 = (
    "2020年8月20日之后新受理的一审民间借贷案件，借贷合同成立于2020年8月20日之前，"
    "当事人请求适用当时的司法解释计算自合同成立到2020年8月19日的利息部分的，人民法院应予支持；"
    "对于自2020年8月20日到借款返还之日的利息部分，适用起诉时本规定的利率保护标准计算。"
)
CHECK_OFFICIAL = "如果其间公布了新的报价，适用的数值会不同，请以全国银行间同业拆借中心的公告为准。"


@dataclass(frozen=True)
class Finding:
    key: str
    level: str  # "warn", "ok" or "info"
    title: str
    text: str
    links: tuple[tuple[str, str], ...] = ()  # (label, site path)


@dataclass(frozen=True)
class Split:
    """Contracts before 2020-08-20 (第三十一条第二款): the period from that day on."""

    sued: date | None  # the suit date the reader gave
    basis: str  # "sued": the LPR on that date; "latest": the latest LPR in the table
    lpr: LprPoint | None
    cap: Decimal | None  # percent
    exceeds: bool | None


@dataclass(frozen=True)
class Assessment:
    apr: Decimal  # percent, 2 decimals: the figure shown and compared
    lpr: LprPoint | None
    cap: Decimal | None  # percent, multiple x one-year LPR
    exceeds_cap: bool | None  # None when there is no LPR for the contract date
    findings: tuple[Finding, ...] = ()
    cap_label: str = "四倍 LPR"  # the line's name, from the multiple in the thresholds table
    lpr_missing: str = ""  # why no LPR is shown, when there is none
    split: Split | None = None  # contracts before 2020-08-20: the period from that day on
    confirmed_through: date | None = None  # how far the LPR table was checked
    lpr_unchecked_after: bool = False  # the contract date is after that day


LICENSED = Finding(
    "licensed-lenders",
    "info",
    "出借方是持牌机构时，四倍 LPR 这条线未必适用",
    "四倍 LPR 出自《民间借贷规定》。该规定第一条第二款规定，经金融监管部门批准设立的从事贷款业务的金融机构"
    "及其分支机构，因发放贷款等相关金融业务引发的纠纷，不适用该规定。"
    "2020年的批复（法释〔2020〕27号）进一步明确：由地方金融监管部门监管的小额贷款公司、融资担保公司、"
    "区域性股权市场、典当行、融资租赁公司、商业保理公司、地方资产管理公司等七类地方金融组织，"
    "属于经金融监管部门批准设立的金融机构，其因从事相关金融业务引发的纠纷，不适用新民间借贷司法解释。"
    "批复本身没有给这些机构规定别的利率数字。无论出借方是谁，《民法典》第六百八十条都规定禁止高利放贷，"
    "借款的利率不得违反国家有关规定。监管部门对现金贷等业务另有规范性文件，例如 2017年12月1日的"
    "《关于规范整顿“现金贷”业务的通知》（整治办函〔2017〕141号）；本站没有核实其原文，这里不引用其内容。",
    (
        ("《民间借贷规定》第一条", "/laws/minjian-jiedai/1/"),
        ("法释〔2020〕27号 批复", "/laws/pifu-2020-27/"),
        ("《民法典》第六百八十条", "/laws/minfadian/680/"),
    ),
)


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def _cap(lpr: LprPoint | None, multiple: Decimal, apr: Decimal):
    """(multiple x the one-year LPR in percent, whether `apr` is above it); Nones without an LPR."""
    if lpr is None:
        return None, None
    cap = (lpr.one_year * multiple).quantize(Decimal("0.01"))
    return cap, apr > cap


def _cap_finding(a: Assessment, day: date, times: str) -> Finding:
    """The contract-date line of 《民间借贷规定》第二十五条, or why there is none."""
    apr, lpr, cap = a.apr, a.lpr, a.cap
    if lpr is None and day >= LPR_START:
        return Finding(
            "no-lpr-data",
            "warn",
            "本站没有这一日期的 LPR 数据",
            f"你的借款日期是 {_day(day)}，本站的 LPR 表里没有这一天或之前的报价，所以没有计算四倍 LPR。"
            "请以全国银行间同业拆借中心的公告为准。",
            (ART25,),
        )
    if lpr is None:
        return Finding(
            "no-lpr",
            "info",
            "合同日期早于 2019年8月20日：没有可比的 LPR",
            f"你的借款日期是 {_day(day)}。《民间借贷规定》第二十五条第二款所说的一年期贷款市场报价利率（LPR），"
            "是指中国人民银行授权全国银行间同业拆借中心自 2019年8月20日起每月发布的一年期贷款市场报价利率。"
            "你的借款日期早于这一天，本工具不套用任何数值，也不判断是否超过“四倍 LPR”。"
            "这类较早合同的利息如何认定，请咨询律师。",
            (ART25,),
        )
    unchanged = (
        f"本站数据只核对到 {_day(a.confirmed_through)}，此后是否有新的报价没有核对"
        if a.lpr_unchecked_after
        else "据本站核对的数据，此后到借款日期没有变化"
    )
    above = apr > cap
    return Finding(
        "above-cap" if above else "within-cap",
        "warn" if above else "ok",
        f"年化约 {apr}%，{'高于' if above else '没有超过'}民间借贷的{times} LPR（{cap}%）",
        f"按你实际到手的金额和实际还款计算，这笔借款的年化利率约为 {apr}%。"
        f"合同成立时适用的一年期 LPR 是 {lpr.one_year}%（{_day(lpr.published)} 公布；{unchanged}），"
        f"它的{times}是 {cap}%。"
        + (
            "依《民间借贷规定》第二十五条，出借人请求按合同约定利率支付利息的，人民法院应予支持，"
            "但双方约定的利率超过合同成立时一年期 LPR 四倍的除外。"
            if above
            else "这只说明没有超过这一条线，不等于每一项收费都合法。"
        )
        + "注意：第二十五条比较的是双方约定的利率；这里算的是按实际现金流（含费用）得出的年化成本，"
        "两者可能不同，适合作为你和出借方或律师沟通的依据。",
        (ART25,),
    )


def _second_period(a: Assessment, times: str) -> str:
    """From 2020-08-20 on: the line at the suit date, or at the latest LPR without one."""
    s, apr = a.split, a.apr
    if s.sued is not None and s.sued < TRANSITION:
        return (
            f"你填写的起诉日期是 {_day(s.sued)}，早于 2020年8月20日；这一款说的是此后新受理的案件，"
            "本工具不对这种情况分段比较，请咨询律师。"
        )
    if s.lpr is None:
        return "本站没有这一日期的 LPR 数据，无法给出第二段的数值；请以全国银行间同业拆借中心的公告为准。"
    confirmed = _day(a.confirmed_through) if a.confirmed_through else "最近一期"
    compare = (
        f"按你实际到手的金额和实际还款计算，年化约 {apr}%，"
        f"{'高于' if s.exceeds else '没有超过'}这一数值。"
    )
    if s.basis == "latest":
        return (
            "你没有填写起诉日期（可以在下面的表单里补上）。"
            f"本站的 LPR 数据核对到 {confirmed}：如果在 {_day(s.lpr.published)} 到 {confirmed} 之间起诉，"
            f"适用的一年期 LPR 是 {s.lpr.one_year}%，{times}是 {s.cap}%。{compare}"
            f"在其他时间起诉的，适用起诉那天的报价；{confirmed}之后的报价本站还没有核对。"
        )
    text = (
        f"你填写的起诉日期是 {_day(s.sued)}，当时适用的一年期 LPR 是 {s.lpr.one_year}%"
        f"（{_day(s.lpr.published)} 公布），{times}是 {s.cap}%。{compare}"
    )
    if a.confirmed_through and s.sued > a.confirmed_through:
        text += (
            f"注意：本站的 LPR 数据只核对到 {confirmed}，你填写的起诉日期在此之后；{CHECK_OFFICIAL}"
        )
    return text


def assess(
    loan: LoanInput,
    result: RateResult,
    table: LprTable,
    multiple: Decimal = Decimal("4"),
    sued: date | None = None,
) -> Assessment:
    """Against `multiple` x the one-year LPR in force on the contract date or, for contracts
    before 2020-08-20, on the suit date; `table` also says how far the LPR data was checked."""
    apr, lpr, confirmed = percent(result.apr), table.in_force_on(loan.date), table.confirmed_through
    times = "四倍" if multiple == 4 else f" {multiple.normalize()} 倍"
    split = None
    if loan.date < TRANSITION:
        at = table.in_force_on(sued) if sued else table.latest
        if sued and sued < TRANSITION:  # not a case that 第三十一条第二款 speaks of
            at = None
        split = Split(sued, "sued" if sued else "latest", at, *_cap(at, multiple, apr))
    missing = (
        "无（借款日期早于 2019年8月20日）" if loan.date < LPR_START else "本站没有这一日期的数据"
    )
    assessment = Assessment(
        apr,
        lpr,
        *_cap(lpr, multiple, apr),
        cap_label=f"{times} LPR".strip(),
        lpr_missing="" if lpr else missing,
        split=split,
        confirmed_through=confirmed,
        lpr_unchecked_after=bool(lpr and confirmed and loan.date > confirmed),
    )
    return replace(assessment, findings=(*_findings(loan, assessment, times), LICENSED))


def _findings(loan: LoanInput, a: Assessment, times: str) -> Iterator[Finding]:
    if a.split:  # the two periods of 第三十一条第二款 are the headline
        yield Finding(
            "transition",
            "warn",
            "2020年8月20日之前成立的合同：利息分两段计算",
            f"你的借款日期是 {_day(loan.date)}，早于 2020年8月20日。"
            f"《民间借贷规定》第三十一条第二款规定：“{TEXT_31_2}”"
            "第一段，从借款到 2020年8月19日：按当时的司法解释计算。本站没有收录当时司法解释的原文，这里不给出数字。"
            f"第二段，从 2020年8月20日起：按起诉时的标准，也就是起诉时一年期 LPR 的{times}。"
            + _second_period(a, times)
            + "注意：法院比较的是双方约定的利率；这里算的是按实际现金流（含费用）得出的年化成本，两者可能不同。",
            (("《民间借贷规定》第三十一条", "/laws/minjian-jiedai/31/"), ART25),
        )
    if a.split is None or (a.lpr is None and loan.date < LPR_START):  # and why there is no LPR
        yield _cap_finding(a, loan.date, times)
    if a.lpr_unchecked_after:
        yield Finding(
            "lpr-stale",
            "warn",
            "LPR 数据可能不是最新的",
            f"本站的 LPR 数据核对至 {_day(a.confirmed_through)}，你的借款日期在此之后。{CHECK_OFFICIAL}",
        )
    if loan.received < loan.amount:
        yield Finding(
            "interest-deducted",
            "warn",
            f"到手金额比合同金额少 {_yuan(loan.amount - loan.received)}：可能是“砍头息”",
            f"合同写的借款金额是 {_yuan(loan.amount)}，你实际拿到 {_yuan(loan.received)}。"
            "如果少掉的这部分是预先扣除的利息，《民法典》第六百七十条规定：“借款的利息不得预先在本金中扣除。"
            "利息预先在本金中扣除的，应当按照实际借款数额返还借款并计算利息。”"
            f"也就是说，本金应按实际拿到的 {_yuan(loan.received)} 计算。"
            "上面的年化利率已经按你实际拿到的金额计算。",
            (("《民法典》第六百七十条", "/laws/minfadian/670/"),),
        )
    if loan.fees:
        yield Finding(
            "fees",
            "info",
            f"前期费用 {_yuan(loan.fees)} 已计入成本",
            "你填写的前期费用已从到手金额中扣除后再计算年化利率。"
            "这些费用能否收取，要看费用的性质、合同约定和出借方的类型。",
        )
