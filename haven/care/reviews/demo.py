"""IRO reviews for the demo authority's children in care now, made through the
services: an IRO from the reviewing service allocated the day care started and
meeting the child within days (short breaks too: their reviews, under CPPCR
reg 48, are not made yet), the first review inside 20 working days, the
second about three months on, then one about every six months up to today,
each review's decisions sent out within days; the latest review's
recommendation to the social worker, where its date is still to come, waits
on their work. So the queues hold only what falls due next.

Its own generator, seeded from the child, so the other stories draw as they
did before these records existed."""

import datetime as dt
import random

from haven.care.codes import SHORT_BREAKS
from haven.care.models import PeriodOfCare
from haven.care.reviews import between, recording
from haven.care.reviews.recording import NewRecommendation
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.roles import ROLES_BY_KEY
from haven.core.services import allocate_case
from haven.people.lifestage import age_on
from haven.people.models import Person

IRO_ROLE = ROLES_BY_KEY["independent_reviewing_officer"].name
FIRST = (10, 24)  # days after care started: inside 20 working days
SECOND = (70, 88)  # days after the first: inside three months
LATER = (150, 176)  # days after the last: inside six months
RECOMMENDATIONS = (
    "Arrange a dentist for the child near the placement",
    "Refer the child to the looked-after children's CAMHS service",
    "Set up contact with the child's grandmother once a month",
    "Update the placement plan with the new school transport",
)


def tell(child: Person, period: PeriodOfCare | None, worker: User) -> None:
    """The IRO and reviews of a child in care since `period.started_on`."""
    iro = _iro(child)
    if period is None or iro is None:
        return
    rng = random.Random(f"reviews-{child.pk}")
    start = period.started_on
    assert iro.team is not None
    allocate_case(
        child,
        team=iro.team,
        worker=iro,
        on=start,
        reason="Came into care",
        role=CaseRole.IRO,
        by=worker,
    )
    try:
        _met(rng, period, iro, start)
        if not period.legal_statuses.filter(code__in=SHORT_BREAKS).exists():
            _reviews(rng, period, iro, worker, start)
    except DomainError:
        pass  # a draw the rules refuse: the story keeps what it has


def _iro(child: Person) -> User | None:
    iros = User.objects.filter(
        groups__name=IRO_ROLE, is_active=True, team__isnull=False
    )
    found = list(iros.select_related("team").order_by("pk"))
    return found[child.pk % len(found)] if found else None


def _met(rng: random.Random, period: PeriodOfCare, iro: User, start: dt.date) -> None:
    day = start + dt.timedelta(days=rng.randint(1, 5))
    if day < clock.today():
        between.record_iro_contact(
            period,
            kind="visit",
            on=day,
            notes="Met the child at the placement and explained the IRO's role.",
            by=iro,
        )


def _reviews(
    rng: random.Random, period: PeriodOfCare, iro: User, worker: User, start: dt.date
) -> None:
    today = clock.today()
    day, gaps = start, [FIRST, SECOND]
    while True:
        gap = gaps.pop(0) if gaps else LATER
        day = day + dt.timedelta(days=rng.randint(*gap))
        if day >= today:
            return
        due = day + dt.timedelta(days=rng.randint(28, 70))
        review = recording.record_review(
            period,
            held_on=day,
            participation=_participation(rng, period.person, day),
            attended="The child, their carer and their social worker",
            recommendations=_recommended(rng, worker, due) if due > today else (),
            by=iro,
        )
        sent = day + dt.timedelta(days=rng.randint(1, 4))
        if sent <= today:
            between.record_decisions_circulated(review, on=sent, by=iro)


def _participation(rng: random.Random, child: Person, day: dt.date) -> str:
    """PN0 for a child under 4 at the review; most older children take part."""
    age = age_on(child, day)
    if age is not None and age < 4:
        return "PN0"
    return rng.choices(["PN1", "PN2", "PN3", "PN4", "PN5"], [50, 15, 15, 10, 10])[0]


def _recommended(
    rng: random.Random, worker: User, due: dt.date
) -> list[NewRecommendation]:
    return [NewRecommendation(rng.choice(RECOMMENDATIONS), worker, due)]
