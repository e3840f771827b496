"""One looked-after child's history for the demo authority, told a step at a
time through the services, each step recorded as if on its own day (the clock
held there), so the journal reads as it would have then and the whereabouts
board's "as recorded then" answer is the history's own.

A story keeps where it has got to: the period of care, the placement, the day
and the foster carer the child lives with (whose room the demo counts, so no
household takes more than two children at once)."""

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils import timezone

from haven.care import moves, services
from haven.care.adoption import decisions
from haven.care.adoption.codes import PreviousPermanence
from haven.care.demo_places import Places, address
from haven.care.missing import followup
from haven.care.missing import recording as missing
from haven.care.models import PeriodOfCare, Placement
from haven.care.placing import PlacementDetails
from haven.casework import services as casework
from haven.casework.codes import NoteKind
from haven.casework.seeing import Alone, Seen
from haven.casework.visits import BedroomSeen, Visit, VisitPlace
from haven.cin import selectors as cin_selectors
from haven.cin import services as cin
from haven.core import clock
from haven.core.models import User
from haven.people import services as people
from haven.people.codes import Sex
from haven.people.models import Address, Person

# Late afternoon: the day's steps are written up after they happened.
WRITTEN_UP = dt.time(17, 30)
VISIT_WORDS = (
    "Saw the child at their placement and spent time with them alone in their "
    "room. They showed me their school work and talked about contact with mum.",
    "Visited after school. The child was settled and chatty; the carer says "
    "sleep is better. We talked about what they want from their next review.",
    "The child was quiet at first and then talked about missing their brother. "
    "Agreed to ask about more sibling contact. Bedroom warm and personalised.",
)
INTERVIEWERS = (
    "Safe Return Service (independent)",
    "Children's Rights Service, return interview worker",
)
FIRST_VISIT_DAYS = (1, 6)  # within the week LAC-VISIT-1 gives
# Who referred a child who came into care: police, health, school, family.
REFERRED_BY = ("6", "6", "3E", "3B", "2A", "1A", "5A")
# The CIN census's reason a case closed, from why the child left care (SSDA903
# REC): adopted, special guardianship, a child arrangements order, else RC7.
CLOSED_BECAUSE = (
    {"E11": "RC1", "E12": "RC1", "E41": "RC3"}
    | {code: "RC4" for code in ("E45", "E46", "E47", "E48")}
    | {"E3": "RC5", "E7": "RC6", "E2": "RC2"}
)


class Later(Exception):
    """The story's next step falls after today: it ends where it is."""


@dataclass
class Story:
    rng: random.Random
    child: Person
    worker: User
    places: Places
    today: dt.date
    period: PeriodOfCare | None = None
    placement: Placement | None = None
    left: tuple[dt.date, str] | None = None  # the day care ended, and why
    # What the demo shows at least once whatever the day (shared by the
    # stories; each is struck off when told): "missing" now, placed "far" out
    # of area now, a foster placement become "long_term".
    showcase: set[str] = field(default_factory=set)

    # --- what is placed where ----------------------------------------------

    def with_carer(self, place: str, service: str, day: dt.date) -> PlacementDetails:
        now = self.placement.carer_id if self.placement else None
        carer = self.places.carer(service, day, other_than=now)
        return PlacementDetails(place=place, carer_id=carer.pk)

    def with_same_carer(self, place: str) -> PlacementDetails:
        """The same carer, a new placement type (short-term to long-term)."""
        assert self.placement is not None and self.placement.carer_id is not None
        carer = self.placement.carer_id
        self.places.load[carer] = self.places.load.get(carer, 0) + 1  # move frees one
        return PlacementDetails(place=place, carer_id=self.placement.carer_id)

    def with_relative(self, place: str, day: dt.date) -> PlacementDetails:
        carer = self.places.relative(self.child, day)
        return PlacementDetails(place=place, carer_id=carer.pk)

    def in_home(self, place: str, key: str) -> PlacementDetails:
        return PlacementDetails(place=place, provider_id=self.places.home(key).pk)

    def at_home(self) -> PlacementDetails:
        """Placed with parents (P1), at the family's address."""
        home = Address.objects.filter(person=self.child).order_by("-started_on")
        found = home.first()
        assert found is not None
        return PlacementDetails(
            place="P1",
            address_line_1=found.line_1,
            town=found.town,
            postcode=found.postcode,
        )

    def with_adopters(self, place: str) -> PlacementDetails:
        """Placed for adoption through the regional adoption agency."""
        where = address(self.rng, self.places.adopters_area)
        return PlacementDetails(
            place=place,
            provider_id=self.places.home("adoption").pk,
            address_line_1=where["line_1"],
            town=where["town"],
            postcode=where["postcode"],
        )

    # --- the steps ------------------------------------------------------------

    def day(self, day: dt.date) -> dt.date:
        """The day, refusing one after today (the story ends there)."""
        if day > self.today:
            raise Later
        return day

    def referred(self, day: dt.date, need: str) -> None:
        """The referral that made the child a child in need, up to a fortnight
        before care started, unless their episode is open already; its primary
        need is the period of care's (the same DfE categories)."""
        if cin_selectors.open_episode(self.child) is not None:
            return
        born = self.child.date_of_birth
        assert born is not None
        on = max(day - dt.timedelta(days=self.rng.randint(0, 14)), born)
        with _on(on):
            episode = cin.open_referral(
                self.child,
                received_on=on,
                source=self.rng.choice(REFERRED_BY),
                contact_id=None,
                by=self.worker,
            )
            cin.set_primary_need(episode, need, by=self.worker)

    def start(
        self, day: dt.date, *, need: str, status: str, placement: PlacementDetails
    ) -> None:
        self.referred(self.day(day), need)
        with _on(self.day(day)):
            self._sex_known()
            self.period = services.start_period_of_care(
                self.child,
                on=day,
                need=need,
                legal_status=status,
                placement=placement,
                by=self.worker,
            )
            # Asked of every child who starts to be looked after (SSDA903
            # PrevPerm, rule 630): the demo's children had no order before.
            decisions.record_previous_permanence(
                self.period, code=PreviousPermanence.Z1, by=self.worker
            )
        self.placement = self.period.placements.get()

    def _sex_known(self) -> None:
        """A sex unknown at referral is known by the time a child comes into
        care: the SSDA903 has no code for an unknown one (rule 232). Chosen by
        the record's number, not drawn, so the stories draw as before."""
        if self.child.sex != Sex.UNKNOWN:
            return
        self.child = people.change_details(
            self.child,
            {"sex": Sex.FEMALE if self.child.pk % 2 else Sex.MALE},
            reason="Recorded when the child came into care",
            by=self.worker,
        )

    def move(self, day: dt.date, placement: PlacementDetails, reason: str) -> None:
        assert self.period is not None and self.placement is not None
        before = self.placement.carer_id
        with _on(self.day(day)):
            self.placement = moves.move_placement(
                self.period, on=day, placement=placement, reason=reason, by=self.worker
            )
        self.places.leaves(before)

    def legal_status(self, day: dt.date, code: str) -> None:
        assert self.period is not None
        with _on(self.day(day)):
            moves.change_legal_status(self.period, on=day, code=code, by=self.worker)

    def decided_for_adoption(self, day: dt.date) -> None:
        """The agency decision maker's decision that the child should be placed
        for adoption, before the placement order is applied for."""
        assert self.period is not None
        with _on(self.day(day)):
            decisions.decide_adoption(
                self.period,
                decided_on=day,
                decision_maker="Farida Haque",
                by=self.worker,
            )

    def end(self, day: dt.date, reason: str) -> None:
        assert self.period is not None and self.placement is not None
        with _on(self.day(day)):
            services.end_period_of_care(
                self.period, on=day, reason=reason, by=self.worker
            )
        self.places.leaves(self.placement.carer_id)
        self.period = self.placement = None
        self.left = (day, reason)

    def close_case(self) -> None:
        """The child in need episode closes some weeks after the child left
        care (a child still in need keeps it: short breaks, say)."""
        if self.left is None:
            return
        day, reason = self.left
        closed = self.day(day + dt.timedelta(days=self.rng.randint(7, 42)))
        episode = cin_selectors.open_episode(self.child)
        assert episode is not None
        with _on(closed):
            cin.close_episode(
                episode,
                closed_on=closed,
                reason=CLOSED_BECAUSE.get(reason, "RC7"),
                summary="The child left care; the case closed.",
                by=self.worker,
            )

    def visit(self, day: dt.date) -> None:
        """A statutory visit at the placement, the child seen alone."""
        hour = dt.time(self.rng.randint(9, 16), self.rng.choice((0, 15, 30, 45)))
        at = timezone.make_aware(dt.datetime.combine(day, hour))
        with _on(self.day(day)):
            casework.record_note(
                [self.child],
                kind=NoteKind.VISIT,
                occurred_at=min(at, clock.now() - dt.timedelta(minutes=5)),
                subject="Statutory visit",
                body=self.rng.choice(VISIT_WORDS),
                seen=Seen(True, Alone.YES),
                visit=Visit(
                    True, VisitPlace.PLACEMENT, self.rng.random() < 0.7, BedroomSeen.YES
                ),
                by=self.worker,
            )

    def first_visit(self, placed: dt.date) -> None:
        self.visit(placed + dt.timedelta(days=self.rng.randint(*FIRST_VISIT_DAYS)))

    def missing(self, went: dt.datetime, hours: int) -> None:
        """Missing for some hours, reported to the police at once; the return
        home interview offered the next day, held or declined."""
        assert self.period is not None
        back = went + dt.timedelta(hours=hours)
        day = self.day(timezone.localdate(back))
        reference = f"WY{went:%y}{self.rng.randint(100000, 999999)}"
        with _on(day, after=back):
            episode = missing.report_missing(
                self.period,
                kind="M" if self.rng.random() < 0.8 else "A",
                started_at=went,
                police=missing.Police(True, reference),
                returned_at=back,
                by=self.worker,
            )
        offered = self.day(day + dt.timedelta(days=1))
        declined = self.rng.random() < 0.3
        held = None if declined else offered + dt.timedelta(days=self.rng.randint(0, 2))
        if held is not None and held > self.today:
            held = None
        with _on(held or offered):
            followup.record_return_interview(
                episode,
                followup.Interview(
                    offered_on=offered,
                    held_on=held,
                    declined=declined,
                    interviewed_by=self.rng.choice(INTERVIEWERS),
                ),
                by=self.worker,
            )

    def missing_now(self, hours_ago: int) -> None:
        """Missing since a few hours ago, reported to the police."""
        assert self.period is not None
        went = clock.now() - dt.timedelta(hours=hours_ago)
        missing.report_missing(
            self.period,
            kind="M",
            started_at=went,
            police=missing.Police(
                True, f"WY{went:%y}{self.rng.randint(100000, 999999)}"
            ),
            by=self.worker,
        )


@contextmanager
def _on(day: dt.date, *, after: dt.datetime | None = None) -> Iterator[None]:
    """Record as if late on `day`, or just `after` a moment later that day (a
    child back at nine in the evening is recorded then, not at half past
    five), or now if that is earlier."""
    moment = clock.start_of(day) + _since_midnight(WRITTEN_UP)
    if after is not None:
        moment = max(moment, after + dt.timedelta(minutes=30))
    moment = min(moment, clock.now())
    with clock.held_at(moment):
        yield


def _since_midnight(time: dt.time) -> dt.timedelta:
    return dt.timedelta(hours=time.hour, minutes=time.minute)
