"""The demo's plans for the children looked after today, made through the
services after their histories (haven/care/demo.py): a care plan agreed within
a week or so of coming into care, changed at about four months with the plan
for permanence the placement points to, and the current placement's plan
agreed with the carer within days of its start. A child who came into care or
moved in the last few days is left without, so the plan is due on My work."""

import contextlib
import datetime as dt
import random

from django.db import transaction

from haven.care.models import PeriodOfCare, Placement
from haven.care.plans import recording
from haven.core import clock, journal
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.people.models import Person

FRESH = 6  # days: a plan this young is left due
PERMANENCE = {
    "U1": "long_term_fostering",
    "U4": "long_term_fostering",
    "U3": "kinship",
    "U5": "kinship",
    "P1": "return_home",
    "K2": "residential",
    "A3": "adoption",
    "A4": "adoption",
    "A5": "adoption",
    "A6": "adoption",
}
CARE_PLAN = recording.CarePlanSections(
    health="Registered with a GP and dentist; health assessment arranged",
    education="Stays at the same school; personal education plan this term",
    emotional="Settling; the carer to keep a routine and note any worries",
    identity="Carer to support the child's faith, culture and language",
    relationships="Brothers and sisters to meet regularly",
    contact="Parents fortnightly, supervised at the family centre",
    changes="Parents to work with the family support service by the review",
)
PLACEMENT_PLAN = recording.PlacementPlanSections(
    needs="A settled routine and a room of their own",
    health="Carer to take the child to the GP and dentist",
    education="Carer to take the child to school",
    contact="Carer to bring the child to the family centre",
    delegated_authority="Haircuts, school trips, sleepovers with friends",
    support="Supervising social worker visits monthly",
)


def populate(rng: random.Random, children: list[Person]) -> None:
    """Plans for the children in `children` looked after today."""
    today = clock.today()
    periods = PeriodOfCare.objects.filter(
        person__in=children, ended_on__isnull=True
    ).select_related("person")
    for period in periods:
        held = current_allocation(period.person)
        if held is None or held.worker is None:
            continue
        # A story whose dates a rule refuses keeps what was recorded.
        with (
            transaction.atomic(),
            journal.as_one_step(),
            contextlib.suppress(DomainError),
        ):
            _plans(rng, period, held.worker, today)


def _plans(rng: random.Random, period: PeriodOfCare, by: User, today: dt.date) -> None:
    placement = period.placements.filter(ended_on__isnull=True).first()
    if (today - period.started_on).days > FRESH:
        agreed = period.started_on + dt.timedelta(days=rng.randint(0, 7))
        recording.record_care_plan(
            period, sections=CARE_PLAN, agreed_on=min(agreed, today), by=by
        )
        review = period.started_on + dt.timedelta(days=rng.randint(110, 125))
        option = PERMANENCE.get(placement.place if placement else "", "other")
        if review < today:
            recording.record_care_plan(
                period,
                sections=_with_permanence(option),
                agreed_on=review,
                what_changed="The plan for permanence agreed at the second review",
                by=by,
            )
    if placement is not None and (today - placement.started_on).days > FRESH:
        _placement_plan(rng, placement, by, today)


def _with_permanence(option: str) -> recording.CarePlanSections:
    return recording.CarePlanSections(
        **{
            **vars(CARE_PLAN),
            "permanence": option,
            "permanence_reason": "Agreed at the review with the child, the "
            "family and the IRO",
        }
    )


def _placement_plan(
    rng: random.Random,
    placement: Placement,
    by: User,
    today: dt.date,
) -> None:
    carer = placement.carer.person.full_name if placement.carer else ""
    if not carer:
        carer = "Their parents" if placement.place == "P1" else "The home's manager"
    agreed = placement.started_on + dt.timedelta(days=rng.randint(0, 3))
    recording.record_placement_plan(
        placement,
        sections=PLACEMENT_PLAN,
        agreed_with=carer,
        agreed_on=min(agreed, today),
        by=by,
    )
