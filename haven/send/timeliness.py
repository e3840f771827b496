"""EHC plan timeliness: the final plans issued in each month of a calendar
year, and how many within 20 weeks of the request, with and without the plans
whose 20 weeks an exception set aside (SENDR reg 13(3); SEN2 Week20). The
20-week date is the engine's obligation (SEN-EHCP-20W), never worked out again
here; a plan with no such obligation (one transferred in from another
authority) has no 20-week clock and is counted apart."""

import datetime as dt
from dataclasses import dataclass, field

from haven.send.models import EhcPlan
from haven.send.selectors import TWENTY_WEEKS
from haven.timescales.models import Obligation

# The figures a reader may open onto the children behind them.
FIGURES = {
    "issued": "Final plans issued",
    "on_time": "Issued within 20 weeks",
    "late": "Issued after 20 weeks",
    "exception": "An exception set the 20 weeks aside",
    "no_clock": "No 20-week clock (transferred in)",
}


@dataclass(frozen=True)
class Issued:
    plan: EhcPlan
    due_on: dt.date | None

    @property
    def exception(self) -> bool:
        return bool(self.plan.exception)

    @property
    def on_time(self) -> bool:
        return self.due_on is not None and self.plan.issued_on <= self.due_on  # type: ignore[operator]

    def counts_as(self, figure: str) -> bool:
        clock = self.due_on is not None
        return {
            "issued": True,
            "on_time": clock and self.on_time,
            "late": clock and not self.on_time,
            "exception": self.exception,
            "no_clock": not clock,
        }[figure]


@dataclass(frozen=True)
class Cell:
    """A figure, opening onto its children (`figure`), or a rate."""

    value: int | None
    figure: str
    per_cent: bool = False


@dataclass
class Period:
    """A month, or the whole year (`month` None)."""

    year: int
    month: int | None
    plans: list[Issued] = field(default_factory=list)

    def count(self, figure: str, *, exceptions: bool = True) -> int:
        return sum(
            1
            for p in self.plans
            if p.counts_as(figure) and (exceptions or not p.exception)
        )

    def timed(self, *, exceptions: bool) -> int:
        """The plans the 20-week measure is taken over."""
        return self.count("issued", exceptions=exceptions) - self.count(
            "no_clock", exceptions=exceptions
        )

    def rate(self, *, exceptions: bool) -> int | None:
        """Per cent issued within 20 weeks, rounded down; None with no plan."""
        timed = self.timed(exceptions=exceptions)
        if not timed:
            return None
        return 100 * self.count("on_time", exceptions=exceptions) // timed

    def cells(self) -> list["Cell"]:
        """The period's row of the report, in the columns' order."""
        with_all, without = self.rate(exceptions=True), self.rate(exceptions=False)
        return [
            Cell(self.count("issued"), "issued"),
            Cell(self.count("on_time"), "on_time"),
            Cell(self.count("late"), "late"),
            Cell(with_all, "", per_cent=True),
            Cell(self.count("exception"), "exception"),
            Cell(without, "", per_cent=True),
            Cell(self.count("no_clock"), "no_clock"),
        ]

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, 1)


def year(year: int) -> tuple[list[Period], Period]:
    """Each month of the year with the plans issued in it, and the year's total."""
    plans = list(
        EhcPlan.objects.filter(issued_on__year=year)
        .select_related("person", "request")
        .order_by("issued_on", "pk")
    )
    due = dict(
        Obligation.objects.filter(
            rule_id=TWENTY_WEEKS, subject__in=[str(p.request_id) for p in plans]
        )
        .exclude(status=Obligation.Status.NO_LONGER_REQUIRED)
        .values_list("subject", "due_on")
    )
    months = [Period(year, month) for month in range(1, 13)]
    whole = Period(year, None)
    for plan in plans:
        issued = Issued(plan, due.get(str(plan.request_id)))
        months[plan.issued_on.month - 1].plans.append(issued)  # type: ignore[union-attr]
        whole.plans.append(issued)
    return months, whole
