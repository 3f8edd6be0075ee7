"""Contracts made before 2020-08-20: interest in two periods (《民间借贷规定》第三十一条第二款).

Up to 2020-08-19 the interpretation then in force applies (its text is not in this site's
sources, so no figure is given); from 2020-08-20 on, the standard in force when the suit is
filed: four times the one-year LPR at that date. Pure Python: no Django here.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kb.rates.lpr import LprPoint, LprTable, day_text

TRANSITION = date(2020, 8, 20)
URL_ART25 = "/laws/minjian-jiedai/25/"
URL_ART31 = "/laws/minjian-jiedai/31/"
TEXT_31_2 = (
    "2020年8月20日之后新受理的一审民间借贷案件，借贷合同成立于2020年8月20日之前，"
    "当事人请求适用当时的司法解释计算自合同成立到2020年8月19日的利息部分的，人民法院应予支持；"
    "对于自2020年8月20日到借款返还之日的利息部分，适用起诉时本规定的利率保护标准计算。"
)


@dataclass(frozen=True)
class Split:
    """The period from 2020-08-20 on, measured at the suit date (or the latest LPR known)."""

    sued: date | None  # the suit date the reader gave
    basis: str  # "sued": the LPR on that date; "latest": the latest LPR in the table
    lpr: LprPoint | None
    cap: Decimal | None  # percent
    exceeds: bool | None
    confirmed_through: date | None


def split(
    contract: date, apr: Decimal, table: LprTable, sued: date | None, multiple: Decimal
) -> Split | None:
    if contract >= TRANSITION:
        return None
    if sued is not None and sued < TRANSITION:  # not a case the paragraph speaks of
        return Split(sued, "sued", None, None, None, table.confirmed_through)
    lpr = table.in_force_on(sued) if sued else table.latest
    cap = (lpr.one_year * multiple).quantize(Decimal("0.01")) if lpr else None
    exceeds = (apr > cap) if cap is not None else None
    return Split(sued, "sued" if sued else "latest", lpr, cap, exceeds, table.confirmed_through)


def _compare(apr: Decimal, cap: Decimal) -> str:
    verdict = "高于" if apr > cap else "没有超过"
    return f"按你实际到手的金额和实际还款计算，年化约 {apr}%，{verdict}这一数值。"


def _second_period(s: Split, apr: Decimal, times: str) -> str:
    if s.sued is not None and s.sued < TRANSITION:
        return (
            f"你填写的起诉日期是 {day_text(s.sued)}，早于 2020年8月20日；这一款说的是此后新受理的案件，"
            "本工具不对这种情况分段比较，请咨询律师。"
        )
    if s.lpr is None or s.cap is None:
        return "本站没有这一日期的 LPR 数据，无法给出第二段的数值；请以全国银行间同业拆借中心的公告为准。"
    confirmed = day_text(s.confirmed_through) if s.confirmed_through else "最近一期"
    if s.basis == "sued":
        text = (
            f"你填写的起诉日期是 {day_text(s.sued)}，当时适用的一年期 LPR 是 {s.lpr.one_year}%"
            f"（{day_text(s.lpr.published)} 公布），{times}是 {s.cap}%。" + _compare(apr, s.cap)
        )
        if s.confirmed_through and s.sued > s.confirmed_through:
            text += (
                f"注意：本站的 LPR 数据只核对到 {confirmed}，你填写的起诉日期在此之后；"
                "如果其间公布了新的报价，适用的数值会不同，请以全国银行间同业拆借中心的公告为准。"
            )
        return text
    return (
        "你没有填写起诉日期（可以在下面的表单里补上）。"
        f"本站的 LPR 数据核对到 {confirmed}：如果在 {day_text(s.lpr.published)} 到 {confirmed} 之间起诉，"
        f"适用的一年期 LPR 是 {s.lpr.one_year}%，{times}是 {s.cap}%。"
        + _compare(apr, s.cap)
        + f"在其他时间起诉的，适用起诉那天的报价；{confirmed}之后的报价本站还没有核对。"
    )


TITLE = "2020年8月20日之前成立的合同：利息分两段计算"
LINKS = (("《民间借贷规定》第三十一条", URL_ART31), ("《民间借贷规定》第二十五条", URL_ART25))


def explanation(contract: date, apr: Decimal, s: Split, times: str) -> str:
    """The headline text for such a contract; `times` is "四倍" (or the table's multiple)."""
    return (
        f"你的借款日期是 {day_text(contract)}，早于 2020年8月20日。"
        f"《民间借贷规定》第三十一条第二款规定：“{TEXT_31_2}”"
        "第一段，从借款到 2020年8月19日：按当时的司法解释计算。本站没有收录当时司法解释的原文，这里不给出数字。"
        f"第二段，从 2020年8月20日起：按起诉时的标准，也就是起诉时一年期 LPR 的{times}。"
        + _second_period(s, apr, times)
        + "注意：法院比较的是双方约定的利率；这里算的是按实际现金流（含费用）得出的年化成本，两者可能不同。"
    )
