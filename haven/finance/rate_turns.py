"""The days a stay's weekly rate may turn: so a run prices a stay's days by
asking the rate book once for each stretch between turns, not once a day
(two thousand stays over four weeks asked it 60,000 times, twice a run).

A turn is a day a span that could price the stay starts or stops, or, for a
child with one of the authority's own foster carers, a birthday (the
allowance's age band changes on it). More turns than the rate really takes
cost only a question each; a turn missed would misprice every day after it,
so every span that `RateBook.weekly_on` could read is counted."""

import datetime as dt
from collections.abc import Iterable, Sequence

from haven.finance.rates import RateBook, Span, Stay


def turns(book: RateBook, stay: Stay, first: dt.date, stop: dt.date) -> set[dt.date]:
    """The days after `first` and before `stop` on which the rate may differ
    from the day before."""
    spans: list[Sequence[Span]] = [
        book.placement.get(stay.placement_id, ()),
        book.provider.get(stay.provider_id, ()),
    ]
    found: set[dt.date] = set()
    if stay.in_house and stay.carer_id is not None:
        spans += [*book.allowance.values(), *book.fee.values()]
        spans.append(book.carer_level.get(stay.carer_id, ()))
        if stay.born is not None:
            found.update(_birthdays(stay.born, first, stop))
    for held in spans:
        for span in held:
            found.update(d for d in (span.start, span.stop) if d is not None)
    return {day for day in found if first < day < stop}


def _birthdays(born: dt.date, first: dt.date, stop: dt.date) -> Iterable[dt.date]:
    """Each year's first day the child is a year older (1 March for a child
    born on 29 February, in a year without one)."""
    for year in range(first.year, stop.year + 1):
        try:
            yield born.replace(year=year)
        except ValueError:
            yield dt.date(year, 3, 1)
