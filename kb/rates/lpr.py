"""The LPR table as plain data (no Django): the rate in force on a day, how far it was checked."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


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
        return next((point for point in reversed(self.points) if point.published <= day), None)

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
