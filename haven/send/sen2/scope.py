"""Who is in a SEN2 return (sen2.md §1 "who is in scope") and what each
request looked like on the census day: the return is a picture at the census
day, so anything recorded for a later date has not happened yet."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from haven.people.models import Address, Person
from haven.send.changes.codes import RULE_OF
from haven.send.changes.disputes import sen2_flags
from haven.send.models import AnnualReview, Decision, EhcPlan, EhcRequest
from haven.send.sen2.census import CensusDay
from haven.timescales.models import Obligation

PHASE_RULES = sorted({rule for rule, _ in RULE_OF.values()})


def _by(day: dt.date | None, census: CensusDay) -> dt.date | None:
    """The date if it is on or before the census day, else None."""
    return day if day is not None and day <= census.day else None


@dataclass
class AsAtCensus:
    """A request as it stood on the census day."""

    request: EhcRequest
    census: CensusDay
    # The phase transfers' statutory dates (the engine's), by (rule, subject).
    phase_due: dict[tuple[str, str], dt.date] = field(default_factory=dict)

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

    def transfer_in(self) -> Any:
        """The plan's transfer from another authority, if made by then."""
        row = getattr(self.request, "transfer_in", None)
        return row if row is not None and _by(row.transferred_on, self.census) else None

    def export(self) -> Any:
        """The request passed on to another authority, if by then."""
        row = getattr(self.request, "export", None)
        return row if row is not None and _by(row.exported_on, self.census) else None

    def dispute_flags(self) -> dict[str, int]:
        """SEN2's six mediation and tribunal flags, as they were by then."""
        return sen2_flags(self.request, on=self.census.day)

    def review_draft(self) -> dt.date | None:
        """When the latest proposed amendments were sent (ReviewDraft, 5.4d)."""
        plan = self.plan
        sent = [a.sent_on for a in plan.amendments.all()] if plan else []
        return max((d for d in sent if _by(d, self.census)), default=None)

    def phase_transfer(self) -> tuple[dt.date | None, dt.date | None]:
        """The latest phase transfer's statutory date (5.6a, the engine's) and
        the day the amended plan named the next school (5.6b)."""
        plan = self.plan
        opened = [
            t
            for t in (plan.transfers.all() if plan else [])
            if _by(t.opened_on, self.census)
        ]
        if not opened:
            return None, None
        latest = max(opened, key=lambda t: (t.opened_on, t.pk))
        due = self.phase_due.get((RULE_OF[latest.phase][0], str(latest.pk)))
        return due, _by(latest.named_on, self.census)

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
        .select_related(
            "person", "plan__setting", "plan__arrangements", "transfer_in", "export"
        )
        .prefetch_related(
            "plan__reviews",
            "plan__amendments",
            "plan__transfers",
            "mediations",
            "appeals",
            "plan__named_settings__establishment",
            "plan__placements__establishment",
        )
        .order_by("person__family_name", "person__given_name", "person", "received_on")
    )
    found: dict[Person, list[AsAtCensus]] = {}
    due = _phase_due(census)
    for request in requests:
        state = AsAtCensus(request, census, due)
        if state.in_scope():
            found.setdefault(request.person, []).append(state)
    return found


def _phase_due(census: CensusDay) -> dict[tuple[str, str], dt.date]:
    """Every phase transfer's statutory date, in one query."""
    rows = Obligation.objects.filter(
        rule_id__in=PHASE_RULES, trigger_event__occurred_at__date__lte=census.day
    ).values_list("rule_id", "subject", "due_on")
    return {(rule, subject): day for rule, subject, day in rows}


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
