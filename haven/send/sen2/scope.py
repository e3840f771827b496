"""Who is in a SEN2 return (sen2.md §1 "who is in scope") and what each
request looked like on the census day: the return is a picture at the census
day, so anything recorded for a later date has not happened yet."""

import datetime as dt
from dataclasses import dataclass

from haven.people.models import Address, Person
from haven.send.models import AnnualReview, Decision, EhcPlan, EhcRequest
from haven.send.sen2.census import CensusDay


def _by(day: dt.date | None, census: CensusDay) -> dt.date | None:
    """The date if it is on or before the census day, else None."""
    return day if day is not None and day <= census.day else None


@dataclass
class AsAtCensus:
    """A request as it stood on the census day."""

    request: EhcRequest
    census: CensusDay

    @property
    def plan(self) -> EhcPlan | None:
        plan = getattr(self.request, "plan", None)
        return plan if plan is not None and self.issued_on else None

    @property
    def assessed_on(self) -> dt.date | None:
        return _by(self.request.assess_decided_on, self.census)

    @property
    def issue_decided_on(self) -> dt.date | None:
        return _by(self.request.issue_decided_on, self.census)

    @property
    def issued_on(self) -> dt.date | None:
        plan = getattr(self.request, "plan", None)
        return _by(plan.issued_on, self.census) if plan is not None else None

    @property
    def ceased_on(self) -> dt.date | None:
        plan = self.plan
        return _by(plan.ceased_on, self.census) if plan is not None else None

    def ended_on(self) -> dt.date | None:
        """When the request's work ended by the census day: not to assess, not
        to issue, or the plan ceased; None while it is open or the plan lives."""
        if self.assessed_on and self.request.assess == Decision.NO:
            return self.assessed_on
        if self.issue_decided_on and self.request.issue == Decision.NO:
            return self.issue_decided_on
        return self.ceased_on

    def in_scope(self) -> bool:
        """Received by the census day, and open, live or ended in the period
        or since (active and recently ceased plans, the year's completed work,
        ongoing work at every stage)."""
        if self.request.received_on > self.census.day:
            return False
        ended = self.ended_on()
        return ended is None or ended >= self.census.period_start

    def reviews(self) -> list[AnnualReview]:
        plan = self.plan
        if plan is None:
            return []
        held = [r for r in plan.reviews.all() if r.held_on <= self.census.day]
        return sorted(held, key=lambda r: (r.held_on, r.pk))


def in_scope(census: CensusDay) -> dict[Person, list[AsAtCensus]]:
    """Each child in the return and their requests in scope, oldest first."""
    requests = (
        EhcRequest.objects.filter(received_on__lte=census.day)
        .select_related("person", "plan__setting", "plan__arrangements")
        .prefetch_related(
            "plan__reviews",
            "plan__named_settings__establishment",
            "plan__placements__establishment",
        )
        .order_by("person__family_name", "person__given_name", "person", "received_on")
    )
    found: dict[Person, list[AsAtCensus]] = {}
    for request in requests:
        state = AsAtCensus(request, census)
        if state.in_scope():
            found.setdefault(request.person, []).append(state)
    return found


def postcodes(people: list[Person], census: CensusDay) -> dict[int, str]:
    """Each child's postcode on the census day, where Haven has it."""
    rows = Address.objects.filter(
        person__in=people, started_on__lte=census.day
    ).order_by("person", "started_on")
    found: dict[int, str] = {}
    for address in rows:
        if address.ended_on is None or address.ended_on > census.day:
            found[address.person_id] = address.postcode
    return found
