"""The legal position of a computed rate, in plain Chinese. Pure Python: no Django here.

Findings describe what the rules say and how the reader's numbers compare; they never predict
what a court or a lender will do.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kb.rates import transition
from kb.rates.calc import LoanInput, RateResult, percent
from kb.rates.lpr import LprPoint, LprTable
from kb.rates.lpr import day_text as _day
from kb.rates.transition import Split

LPR_START = date(2019, 8, 20)
URL_670 = "/laws/minfadian/670/"
URL_680 = "/laws/minfadian/680/"
URL_ART1 = "/laws/minjian-jiedai/1/"
URL_ART25 = "/laws/minjian-jiedai/25/"
URL_PIFU = "/laws/pifu-2020-27/"
TEXT_670 = "借款的利息不得预先在本金中扣除。利息预先在本金中扣除的，应当按照实际借款数额返还借款并计算利息。"


@dataclass(frozen=True)
class Finding:
    key: str
    level: str  # "warn", "ok" or "info"
    title: str
    text: str
    links: tuple[tuple[str, str], ...] = ()  # (label, site path)


@dataclass(frozen=True)
class Assessment:
    apr: Decimal  # percent, 2 decimals: the figure shown and compared
    lpr: LprPoint | None
    cap: Decimal | None  # percent, multiple x one-year LPR
    exceeds_cap: bool | None  # None when there is no LPR for the contract date
    findings: tuple[Finding, ...]
    cap_label: str = "四倍 LPR"  # the line's name, from the multiple in the thresholds table
    lpr_missing: str = ""  # why no LPR is shown, when there is none
    split: Split | None = None  # contracts before 2020-08-20: the period from that day on
    confirmed_through: date | None = None  # how far the LPR table was checked
    lpr_unchecked_after: bool = False  # the contract date is after that day


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def _cap_finding(
    apr: Decimal,
    day: date,
    lpr: LprPoint | None,
    cap: Decimal | None,
    multiple: Decimal,
    confirmed: date | None,
) -> Finding:
    links = (("《民间借贷规定》第二十五条", URL_ART25),)
    if (lpr is None or cap is None) and day >= LPR_START:
        return Finding(
            "no-lpr-data",
            "warn",
            "本站没有这一日期的 LPR 数据",
            f"你的借款日期是 {_day(day)}，本站的 LPR 表里没有这一天或之前的报价，所以没有计算四倍 LPR。"
            "请以全国银行间同业拆借中心的公告为准。",
            links,
        )
    if lpr is None or cap is None:
        return Finding(
            "no-lpr",
            "info",
            "合同日期早于 2019年8月20日：没有可比的 LPR",
            f"你的借款日期是 {_day(day)}。《民间借贷规定》第二十五条第二款所说的一年期贷款市场报价利率（LPR），"
            "是指中国人民银行授权全国银行间同业拆借中心自 2019年8月20日起每月发布的一年期贷款市场报价利率。"
            "你的借款日期早于这一天，本工具不套用任何数值，也不判断是否超过“四倍 LPR”。"
            "这类较早合同的利息如何认定，请咨询律师。",
            links,
        )
    basis = (
        f"按你实际到手的金额和实际还款计算，这笔借款的年化利率约为 {apr}%。"
        f"合同成立时适用的一年期 LPR 是 {lpr.one_year}%（{_day(lpr.published)} 公布；{_unchanged(day, confirmed)}），"
        f"{_multiple_text(multiple)}是 {cap}%。"
    )
    caveat = (
        "注意：第二十五条比较的是双方约定的利率；这里算的是按实际现金流（含费用）得出的年化成本，"
        "两者可能不同，适合作为你和出借方或律师沟通的依据。"
    )
    if apr > cap:
        return Finding(
            "above-cap",
            "warn",
            f"年化约 {apr}%，高于民间借贷的{cap_label(multiple)}（{cap}%）",
            basis
            + "依《民间借贷规定》第二十五条，出借人请求按合同约定利率支付利息的，人民法院应予支持，"
            "但双方约定的利率超过合同成立时一年期 LPR 四倍的除外。" + caveat,
            links,
        )
    return Finding(
        "within-cap",
        "ok",
        f"年化约 {apr}%，没有超过民间借贷的{cap_label(multiple)}（{cap}%）",
        basis + "这只说明没有超过这一条线，不等于每一项收费都合法。" + caveat,
        links,
    )


def _unchanged(day: date, confirmed: date | None) -> str:
    """What the table says about the months between that publication and the contract date."""
    if confirmed is not None and day > confirmed:
        return f"本站数据只核对到 {_day(confirmed)}，此后是否有新的报价没有核对"
    return "据本站核对的数据，此后到借款日期没有变化"


def _times(multiple: Decimal) -> str:
    return "四倍" if multiple == 4 else f" {multiple.normalize()} 倍"


def _multiple_text(multiple: Decimal) -> str:
    return f"它的{_times(multiple)}"


def cap_label(multiple: Decimal) -> str:
    return "四倍 LPR" if multiple == 4 else f" {multiple.normalize()} 倍 LPR"


def assess(
    loan: LoanInput,
    result: RateResult,
    lpr: LprPoint | None,
    multiple: Decimal = Decimal("4"),
    table: LprTable | None = None,
    sued: date | None = None,
) -> Assessment:
    """`lpr` is the rate in force on the contract date; `table` (all rows) gives the rate at
    the suit date for contracts before 2020-08-20 and how far the data was checked."""
    apr = percent(result.apr)
    cap = (lpr.one_year * multiple).quantize(Decimal("0.01")) if lpr else None
    table = table if table is not None else LprTable((lpr,) if lpr else ())
    confirmed = table.confirmed_through
    split = transition.split(loan.date, apr, table, sued, multiple)
    if split is not None:  # the two periods of 第三十一条第二款 are the headline
        text = transition.explanation(loan.date, apr, split, _times(multiple))
        findings = [Finding("transition", "warn", transition.TITLE, text, transition.LINKS)]
        if lpr is None and loan.date < LPR_START:  # and why the contract date has no LPR
            findings.append(_cap_finding(apr, loan.date, lpr, cap, multiple, confirmed))
    else:
        findings = [_cap_finding(apr, loan.date, lpr, cap, multiple, confirmed)]
    unchecked = bool(lpr and confirmed and loan.date > confirmed)
    if unchecked:
        findings.append(
            Finding(
                "lpr-stale",
                "warn",
                "LPR 数据可能不是最新的",
                f"本站的 LPR 数据核对至 {_day(confirmed)}，你的借款日期在此之后。"
                "如果其间公布了新的报价，适用的数值会不同，请以全国银行间同业拆借中心的公告为准。",
            )
        )
    if loan.received < loan.amount:
        gap = loan.amount - loan.received
        findings.append(
            Finding(
                "interest-deducted",
                "warn",
                f"到手金额比合同金额少 {_yuan(gap)}：可能是“砍头息”",
                f"合同写的借款金额是 {_yuan(loan.amount)}，你实际拿到 {_yuan(loan.received)}。"
                f"如果少掉的这部分是预先扣除的利息，《民法典》第六百七十条规定：“{TEXT_670}”"
                f"也就是说，本金应按实际拿到的 {_yuan(loan.received)} 计算。"
                "上面的年化利率已经按你实际拿到的金额计算。",
                (("《民法典》第六百七十条", URL_670),),
            )
        )
    if loan.fees:
        findings.append(
            Finding(
                "fees",
                "info",
                f"前期费用 {_yuan(loan.fees)} 已计入成本",
                "你填写的前期费用已从到手金额中扣除后再计算年化利率。"
                "这些费用能否收取，要看费用的性质、合同约定和出借方的类型。",
            )
        )
    findings.append(_licensed_finding())
    exceeds = (apr > cap) if cap is not None else None
    missing = ""
    if cap is None:
        missing = (
            "本站没有这一日期的数据"
            if loan.date >= LPR_START
            else "无（借款日期早于 2019年8月20日）"
        )
    return Assessment(
        apr,
        lpr,
        cap,
        exceeds,
        tuple(findings),
        cap_label(multiple).strip(),
        missing,
        split,
        confirmed,
        unchecked,
    )


def _licensed_finding() -> Finding:
    return Finding(
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
            ("《民间借贷规定》第一条", URL_ART1),
            ("法释〔2020〕27号 批复", URL_PIFU),
            ("《民法典》第六百八十条", URL_680),
        ),
    )
