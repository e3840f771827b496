"""Why an adjustment line is there, in words a finance officer and a provider
can check against the placement's record."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from haven.finance.rates import Stay

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Difference:
    """On a day: the weekly rate owed now, the net weekly rate paid, and
    whether the day was never paid before (no payment or arrears line)."""

    owed: Decimal
    paid: Decimal
    first_payment: bool

    @property
    def kind(self) -> str:
        if self.first_payment and self.paid == 0 and self.owed > 0:
            return "arrears"
        return "adjustment"


def _day(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def reason(
    d: Difference, stay: Stay | None, provider: int, first: dt.date, stop: dt.date
) -> str:
    """The words for days [first, stop) that differ by `d`."""
    n = _days((stop - first).days)
    span = f"from {_day(first)} to {_day(stop - ONE_DAY)}"
    if d.kind == "arrears":
        return (
            f"Owed and never paid {span}: {n} at £{d.owed} a week (the placement "
            "was recorded, or its rate set, after the run for those days)"
        )
    if d.owed == 0:
        return _recovery(stay, provider, first, stop, span, n)
    if d.paid == 0:
        return (
            f"Placed here after all {span} (the placement's record was corrected "
            f"after a recovery): {n} at £{d.owed} a week paid again"
        )
    if d.owed > d.paid:
        return (
            f"Rate agreed late: £{d.owed} a week from {_day(first)}, not £{d.paid} "
            f"as paid: {n} at £{d.owed - d.paid} a week more"
        )
    return (
        f"Rate lowered after payment: £{d.owed} a week from {_day(first)}, not "
        f"£{d.paid} as paid: {n} at £{d.paid - d.owed} a week recovered"
    )


def _recovery(
    stay: Stay | None, provider: int, first: dt.date, stop: dt.date, span: str, n: str
) -> str:
    if stay is not None and stay.provider_id == provider:
        if stay.ended_on is not None and first >= stay.ended_on:
            return (
                f"The placement ended on {_day(stay.ended_on)}, not {_day(stop)} "
                f"as paid: {n} recovered"
            )
        if stop <= stay.started_on:
            return (
                f"The placement started on {_day(stay.started_on)}, not "
                f"{_day(first)} as paid: {n} recovered"
            )
    if stay is not None and stay.provider_id != provider:
        return (
            f"Not placed with this provider {span}: the placement is now recorded "
            f"with another provider, so {n} recovered"
        )
    return f"Not placed {span}, as paid (the record was corrected): {n} recovered"
