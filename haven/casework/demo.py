"""Synthetic case notes, supervisions and drafts for the demo authority."""

import datetime as dt
import random

from django.utils import timezone

from haven.casework import services
from haven.casework.codes import NoteKind
from haven.casework.seeing import Alone, Seen
from haven.casework.visits import BedroomSeen, Visit, VisitPlace
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, User
from haven.people.models import Person

NOTES = (
    (
        NoteKind.VISIT,
        "Home visit",
        "Visited the family home. The children were playing in the living room; "
        "the home was warm and there was food in the kitchen. Mum said the week "
        "had been difficult but she had kept the appointment with the GP.",
    ),
    (
        NoteKind.VISIT,
        "Unannounced home visit",
        "No answer at first; mum came to the door after ten minutes. The child "
        "was tired and said they had not been to school today.",
    ),
    (
        NoteKind.PHONE_CALL,
        "Call from school",
        "The designated safeguarding lead rang: attendance is 82% this term and "
        "the child has been late most Mondays.",
    ),
    (
        NoteKind.MEETING,
        "Core group meeting",
        "Reviewed progress on the plan with school, health visitor and mum. "
        "Actions agreed and minutes to follow.",
    ),
    (
        NoteKind.EMAIL,
        "Email from health visitor",
        "Health visitor confirms the developmental check is booked for next month.",
    ),
    (
        NoteKind.OBSERVATION,
        "Observed contact with dad",
        "Contact at the family centre. Warm greeting; dad brought a snack and "
        "played a board game. The child was upset when it ended.",
    ),
    (
        NoteKind.DIRECT_WORK,
        "Three houses exercise",
        "Did the three houses exercise. House of worries: 'when mum and dad "
        "shout'. House of good things: 'my bike, my nan'. House of dreams: "
        "'everyone happy at tea time'.",
    ),
)
NOT_ALONE_BECAUSE = "Their parent stayed in the room."
SIGNIFICANT = (
    (
        NoteKind.VISIT,
        "Bruise seen on home visit",
        "Saw a bruise on the child's upper arm. The child said they fell in the "
        "park. Discussed with the team manager the same day: strategy discussion "
        "to be considered.",
    ),
    (
        NoteKind.PHONE_CALL,
        "Police notification of domestic incident",
        "Police attended the home overnight after a neighbour reported shouting. "
        "The children were present.",
    ),
)


def _at(rng: random.Random, days_ago: int) -> dt.datetime:
    day = clock.today() - dt.timedelta(days=days_ago)
    local = dt.datetime.combine(day, dt.time(rng.randint(9, 16), rng.randint(0, 59)))
    return min(timezone.make_aware(local), clock.now() - dt.timedelta(minutes=5))


def populate(rng: random.Random, children: list[Person]) -> None:
    """Notes for most children (some significant, some for siblings together),
    supervision for about half, a few open actions and a couple of drafts."""
    allocations = {
        a.person_id: a
        for a in Allocation.objects.filter(
            person__in=children,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
            worker__isnull=False,
        ).select_related("worker", "team")
    }
    for child in children:
        allocation = allocations.get(child.pk)
        if allocation is None or allocation.worker is None:
            continue
        try:
            if rng.random() < 0.85:
                _notes(rng, child, children, allocation)
            if rng.random() < 0.5:
                _supervision(rng, child, allocation)
        except DomainError:
            continue  # a restricted record the demo staff may not open
    _drafts(rng, allocations)


def _notes(
    rng: random.Random,
    child: Person,
    children: list[Person],
    allocation: Allocation,
) -> None:
    worker = allocation.worker
    assert worker is not None
    siblings = [
        other
        for other in children
        if other.family_name == child.family_name
        and other.pk != child.pk
        and other.allocations.filter(ended_on__isnull=True, worker=worker).exists()
    ]
    for days_ago in sorted(rng.sample(range(1, 120), rng.randint(1, 4)), reverse=True):
        kind, subject, body = rng.choice(SIGNIFICANT if rng.random() < 0.12 else NOTES)
        seen = kind in (NoteKind.VISIT, NoteKind.OBSERVATION, NoteKind.DIRECT_WORK)
        together = siblings if siblings and rng.random() < 0.3 else []
        services.record_note(
            [child, *together],
            kind=kind,
            occurred_at=_at(rng, days_ago),
            subject=subject,
            body=body,
            seen=Seen(seen, _alone(rng) if seen else "", NOT_ALONE_BECAUSE),
            # Its own generator: the shared one's sequence (and so the rest
            # of the demo authority) stays as it was before visits had details.
            visit=_visit(random.Random(f"{child.pk}-{days_ago}"))
            if kind == NoteKind.VISIT
            else None,
            significant=(kind, subject, body) in SIGNIFICANT,
            by=worker,
        )


def _alone(rng: random.Random) -> str:
    return Alone.YES if rng.random() < 0.5 else Alone.NO


def _visit(rng: random.Random) -> Visit:
    home = rng.random() < 0.8
    bedroom = BedroomSeen.YES if rng.random() < 0.7 else BedroomSeen.NO
    return Visit(
        statutory=rng.random() < 0.7,
        place=VisitPlace.HOME if home else VisitPlace.SCHOOL,
        announced=rng.random() < 0.6,
        bedroom_seen=bedroom if home else BedroomSeen.NOT_APPLICABLE,
    )


def _supervision(rng: random.Random, child: Person, allocation: Allocation) -> None:
    manager = allocation.team.managers.first()
    if manager is None or allocation.worker is None:
        return
    held_on = clock.today() - dt.timedelta(days=rng.randint(1, 70))
    actions = []
    if rng.random() < 0.6:
        actions.append(
            services.NewAction(
                rng.choice(
                    (
                        "Visit the child at school and see them alone",
                        "Update the chronology and the plan",
                        "Arrange a core group meeting",
                        "Contact dad to discuss contact arrangements",
                    )
                ),
                allocation.worker,
                held_on + dt.timedelta(days=rng.randint(7, 28)),
            )
        )
    supervision = services.record_supervision(
        child,
        held_on=held_on,
        discussion="Reviewed the child's progress, the most recent visits and "
        "what the child has said about home and school.",
        reflections="The family engage well with some services but not others; "
        "the impact on the child's school attendance is the main worry.",
        decisions="Continue with the current plan; review again in four weeks.",
        actions=actions,
        by=manager,
    )
    for action in supervision.actions.all():
        if action.due_on < clock.today() and rng.random() < 0.6:
            services.complete_action(action, on=action.due_on, by=action.owner)


def _drafts(rng: random.Random, allocations: dict[int, Allocation]) -> None:
    worker = User.objects.filter(username="social-worker").first()
    mine = [a for a in allocations.values() if a.worker == worker]
    for allocation in mine[:2]:
        assert worker is not None
        try:
            services.save_draft(
                allocation.person,
                draft_id=None,
                person_ids=[allocation.person_id],
                fields={
                    "children": [str(allocation.person_id)],
                    "kind": ["visit"],
                    "occurred_time": ["10:30"],
                    f"seen_{allocation.person_id}": ["yes"],
                    "subject": ["Home visit"],
                    "body": ["Arrived at 10:30. Mum answered the door and"],
                },
                by=worker,
            )
        except DomainError:
            continue
