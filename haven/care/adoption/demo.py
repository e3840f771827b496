"""The demo authority's adoption record, made through the services after the
looked-after histories (haven/care/demo.py): one young child adopted and one
placed for adoption now, each with a placement order (recorded as a change of
legal status, as the court's orders will), the agency's decision, the match
with made-up adopters (sealed: the demo's adoption worker reads them) and the
placement; the first has the adoption order. Children held by the adoption
worker's team, under 8, whose care has been settled long enough."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.care.adoption import decisions, sealed
from haven.care.models import LegalStatus, PeriodOfCare, Placement, Provider
from haven.care.moves import change_legal_status
from haven.casework import services as casework
from haven.casework.codes import NoteKind
from haven.casework.models import SupervisionAction
from haven.casework.seeing import Alone, Seen
from haven.casework.visits import BedroomSeen, Visit, VisitPlace
from haven.cin import selectors as cin_selectors
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.people.models import Person

USERNAME = "adoption-worker"
YOUNGEST_AGE_DAYS = 8 * 365
ADOPTERS = (
    sealed.Match(
        "Tamsin and Rhodri Pembury",
        "4 Quarry Bank",
        "Ilkley",
        "LS29 8AB",
        2,
        "MF",
        "L3",
        False,
    ),
    sealed.Match(
        "Joanna Stirling", "11 Weavers Row", "Otley", "LS21 3CD", 1, "F1", "L0", False
    ),
)


# Each story tried on its own, with the first child settled long enough for it:
# (the adopters, how many days ago it starts, whether the child is adopted).
PLANS = ((ADOPTERS[0], 250, True), (ADOPTERS[1], 100, False))


def populate(children: list[Person]) -> None:
    """One child adopted and one placed for adoption, if the demo has them."""
    worker = User.objects.filter(username=USERNAME).first()
    agency = (
        Provider.objects.filter(name__icontains="adoption").order_by("pk").first()
        or Provider.objects.order_by("pk").first()
    )
    if worker is None or agency is None:
        return
    today = clock.today()
    candidates = _candidates(children, worker, today)
    for adopters, lead, adopt in PLANS:
        for period in candidates:
            if _settled_since(period) > today - dt.timedelta(days=lead):
                continue
            try:
                with transaction.atomic():
                    start = today - dt.timedelta(days=lead)
                    _tell(period, adopters, agency, worker, start, adopt)
            except DomainError:
                continue
            candidates.remove(period)
            break


def _candidates(
    children: list[Person], worker: User, today: dt.date
) -> list[PeriodOfCare]:
    young = today - dt.timedelta(days=YOUNGEST_AGE_DAYS)
    periods = (
        PeriodOfCare.objects.filter(
            person__in=children, ended_on__isnull=True, person__date_of_birth__gt=young
        )
        .select_related("person")
        .order_by("pk")
    )
    found = []
    for period in periods:
        held = current_allocation(period.person)
        if held is not None and held.team_id == worker.team_id:
            found.append(period)
    return found


def _settled_since(period: PeriodOfCare) -> dt.date:
    """The day after the last change of legal status or placement."""
    last = [
        LegalStatus.objects.filter(period=period).order_by("-started_on").first(),
        Placement.objects.filter(period=period).order_by("-started_on").first(),
    ]
    return max(row.started_on for row in last if row) + dt.timedelta(days=1)


def _at(day: dt.date) -> Any:
    """Recorded late on `day`, as the histories before are (so the board as
    recorded on a past day agrees with the records as kept then)."""
    moment = clock.start_of(day) + dt.timedelta(hours=17, minutes=30)
    return clock.held_at(min(moment, clock.now()))


def _tell(
    period: PeriodOfCare,
    adopters: sealed.Match,
    agency: Provider,
    worker: User,
    start: dt.date,
    adopt: bool,
) -> None:
    held = current_allocation(period.person)
    social_worker = held.worker if held and held.worker else worker
    for after, step in _steps(period, adopters, agency, worker, social_worker, adopt):
        day = start + dt.timedelta(days=after)
        with _at(day):
            step(day)


def _steps(
    period: PeriodOfCare,
    adopters: sealed.Match,
    agency: Provider,
    worker: User,
    social_worker: User,
    adopt: bool,
) -> list[tuple[int, Callable[[dt.date], object]]]:
    """Each step of the adoption, with the days after the start it is taken."""
    status = LegalStatus.objects.filter(period=period).order_by("-started_on").first()
    # The agency's decision comes before the court's placement order (SSDA903
    # rule 554: DATE_PLACED on or before the order).
    steps: list[tuple[int, Callable[[dt.date], object]]] = [
        (
            0,
            lambda day: decisions.decide_adoption(
                period, decided_on=day, decision_maker="Farida Haque", by=social_worker
            ),
        ),
        (
            14,
            lambda day: (
                status is not None
                and status.code != "E1"
                and change_legal_status(period, on=day, code="E1", by=social_worker)
            ),
        ),
        (
            60,
            lambda day: sealed.match_adopters(
                period, adopters, matched_on=day, by=worker
            ),
        ),
        (
            90,
            lambda day: sealed.place_for_adoption(
                period, placed_on=day, provider_id=agency.pk, reason="CARPL", by=worker
            ),
        ),
    ]
    if adopt:
        steps += [
            # The order once the child has lived with the adopters for ten
            # weeks at least (Adoption and Children Act 2002 s42(2)).
            (
                200,
                lambda day: sealed.make_adoption_order(
                    period, adopted_on=day, reason="E11", by=worker
                ),
            ),
            (221, lambda day: _close_case(period.person, day, social_worker)),
        ]
    else:
        # Visited within a week of the placement and weekly since (AAR reg 36(4)).
        steps += [
            (after, lambda day: _visit(period.person, day, social_worker))
            for after in (94, 99)
        ]
    return steps


def _close_case(child: Person, day: dt.date, by: User) -> None:
    """The case closes some weeks after the adoption order, its supervision
    actions marked done first (by the team's manager) so none is left with
    nobody able to open the record."""
    held = current_allocation(child)
    manager = held.team.managers.first() if held else None
    open_actions = SupervisionAction.objects.filter(
        supervision__person=child, done_on__isnull=True
    ).select_related("supervision__person", "owner")
    for action in open_actions:
        casework.complete_action(action, on=day, by=manager or action.owner)
    episode = cin_selectors.open_episode(child)
    if episode is not None:
        cin.close_episode(
            episode,
            closed_on=day,
            reason="RC1",
            summary="The child was adopted; the case closed.",
            by=by,
        )


def _visit(child: Person, day: dt.date, by: User) -> None:
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(11)))
    casework.record_note(
        [child],
        kind=NoteKind.VISIT,
        occurred_at=at,
        subject="Statutory visit",
        body="Saw the child settling with the family; the child was happy to talk.",
        seen=Seen(True, Alone.YES),
        visit=Visit(True, VisitPlace.PLACEMENT, True, BedroomSeen.YES),
        by=by,
    )
