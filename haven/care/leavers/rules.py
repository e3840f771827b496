"""Which care leaver a young person is on a day, worked out from their date of
birth and the days they were looked after: never stored, so it cannot drift
from the periods of care it is read from.

The rules (Children Act 1989 s23A-23C, s23CZB, s24 and Sch 2 para 19B; the
Care Planning, Placement and Case Review (England) Regulations 2010 reg 40;
the Care Leavers (England) Regulations 2010 regs 3 and 5):

- eligible: 16 or 17, looked after, and looked after for at least 13 weeks
  (91 days) in all since their 14th birthday, those weeks ending after their
  16th birthday (being looked after now, at 16, ends them after it);
- relevant: 16 or 17, no longer looked after, and eligible on their last day
  looked after;
- former relevant: 18 to 21 (a personal adviser on request to 25), and
  eligible or relevant just before their 18th birthday, which is: eligible on
  their last day looked after before it;
- qualifying: 16 to 21, no longer looked after, looked after at some time
  after their 16th birthday and before their 18th, but not eligible then.

Short breaks (legal status V3 or V4) do not count as being looked after here:
CPPCR reg 48 and CLR reg 3(1) leave a child on a pre-planned series of short
breaks out of the leaving care duties. A relevant child who has returned home
for six months (CLR reg 3(3)) is not recognised yet: nothing records it.

Each span is a day looked after from its start to its end, the end
exclusive, as every period of care is recorded; an open span has no end.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

THIRTEEN_WEEKS = 91

Span = tuple[dt.date, dt.date | None]

ELIGIBLE = "eligible"
RELEVANT = "relevant"
FORMER_RELEVANT = "former_relevant"
QUALIFYING = "qualifying"

WORDS = {
    ELIGIBLE: "Eligible child",
    RELEVANT: "Relevant child",
    FORMER_RELEVANT: "Former relevant child",
    QUALIFYING: "Qualifying care leaver",
}
RULES = {
    ELIGIBLE: (
        "Aged 16 or 17, looked after, and looked after for at least 13 weeks in "
        "all since their 14th birthday"
    ),
    RELEVANT: (
        "Aged 16 or 17, no longer looked after, and an eligible child when they "
        "last left care"
    ),
    FORMER_RELEVANT: (
        "Aged 18 to 21 (a personal adviser on request to 25), and an eligible or "
        "relevant child just before their 18th birthday"
    ),
    QUALIFYING: (
        "Aged 16 to 21, no longer looked after, and looked after at some time "
        "after their 16th birthday without the 13 weeks since 14 that make an "
        "eligible child"
    ),
}
SOURCES = {
    ELIGIBLE: "Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40",
    RELEVANT: "Children Act 1989 s23A; Care Leavers (England) Regulations 2010 reg 3",
    FORMER_RELEVANT: "Children Act 1989 s23C and s23CZB",
    QUALIFYING: "Children Act 1989 s24",
}


@dataclass(frozen=True)
class Standing:
    """A young person's care leaver status on a day, with the rule in words
    and where it comes from; `kind` is "" when they are none of the four."""

    kind: str
    on: dt.date
    age: int
    days_since_14: int

    @property
    def words(self) -> str:
        return WORDS.get(self.kind, "")

    @property
    def rule(self) -> str:
        return RULES.get(self.kind, "")

    @property
    def source(self) -> str:
        return SOURCES.get(self.kind, "")

    @property
    def to_25(self) -> bool:
        """A former relevant young person past 21: support only on request."""
        return self.kind == FORMER_RELEVANT and self.age >= 21


def birthday(born: dt.date, age: int) -> dt.date:
    """The day a person born on `born` turns `age` (29 February: 1 March)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return dt.date(born.year + age, 3, 1)


def age_on(born: dt.date, day: dt.date) -> int:
    years = day.year - born.year
    return years if birthday(born, years) <= day else years - 1


def _looked_after_on(spans: Iterable[Span], day: dt.date) -> bool:
    return any(start <= day and (end is None or day < end) for start, end in spans)


def _days(spans: Iterable[Span], since: dt.date, through: dt.date) -> int:
    """Days looked after from `since` to `through`, both included."""
    total = 0
    for start, end in spans:
        first = max(start, since)
        after = min(end or dt.date.max, through + dt.timedelta(days=1))
        total += max(0, (after - first).days)
    return total


def _last_day_before(spans: Iterable[Span], limit: dt.date) -> dt.date | None:
    """The last day looked after before `limit` (exclusive)."""
    last = None
    for start, end in spans:
        if start >= limit:
            continue
        day = min(end or limit, limit) - dt.timedelta(days=1)
        last = day if last is None else max(last, day)
    return last


def _eligible_on(born: dt.date, spans: list[Span], day: dt.date) -> bool:
    return (
        16 <= age_on(born, day) < 18
        and _looked_after_on(spans, day)
        and _days(spans, birthday(born, 14), day) >= THIRTEEN_WEEKS
    )


def standing(born: dt.date, spans: Iterable[Span], day: dt.date) -> Standing:
    """The young person's care leaver status on `day`."""
    spans = list(spans)
    age = age_on(born, day)
    counted = _days(spans, birthday(born, 14), day)

    def found(kind: str) -> Standing:
        return Standing(kind, day, age, counted)

    if age < 16 or age >= 25:
        return found("")
    if age < 18 and _looked_after_on(spans, day):
        return found(ELIGIBLE if _eligible_on(born, spans, day) else "")
    last = _last_day_before(spans, min(day, birthday(born, 18)))
    if last is None or last < birthday(born, 16):
        return found("")
    if _eligible_on(born, spans, last):
        return found(RELEVANT if age < 18 else FORMER_RELEVANT)
    return found(QUALIFYING if age < 21 else "")
