"""The LPR table as plain data (no Django): the rate in force on a day, how far it was checked."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

STALE_AFTER = timedelta(days=60)  # editors are warned when the table was checked longer ago


@dataclass(frozen=True)
class LprPoint:
    published: date
    one_year: Decimal  # percent
    confirmed_through: date | None = None


@dataclass(frozen=True)
class LprTable:
    points: tuple[LprPoint, ...]  # oldest first

    def in_force_on(self, day: date) -> LprPoint | None:
        """The latest publication on or before `day` (None before the first one)."""
        earlier = [point for point in self.points if point.published <= day]
        return earlier[-1] if earlier else None

    @property
    def latest(self) -> LprPoint | None:
        return self.points[-1] if self.points else None

    @property
    def confirmed_through(self) -> date | None:
        """The last day the table is known to be complete: the latest row's 核对至, or else
        that row's own publication date (nothing is known after it)."""
        latest = self.latest
        return latest and max(latest.confirmed_through or latest.published, latest.published)


def day_text(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def staleness_warning(confirmed: date | None, today: date) -> str:
    """The editors' warning when the LPR table was last confirmed too long ago ("" if fine)."""
    if confirmed is None:
        return "LPR 表是空的：利率计算器无法给出四倍 LPR。请在“贷款市场报价利率（LPR）”中录入各期报价。"
    if today - confirmed <= STALE_AFTER:
        return ""
    return (
        f"LPR 数据只核对到 {day_text(confirmed)}，已超过 {STALE_AFTER.days} 天。"
        "请对照全国银行间同业拆借中心的公告录入此后有变化的报价，并更新最新一行的“核对至”日期；"
        "在此之前，利率计算器只按核对至的日期说明数据范围。"
    )
