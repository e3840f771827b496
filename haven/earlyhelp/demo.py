"""Synthetic early help for the demo authority, made through the services.

About a fifth of the children have early help: a queue of 10-20 families still
waiting (up to about 70 days), and the rest allocated, assessed, planned and
reviewed, about half of them closed with an outcome. Run it after the social
care demos: it skips children open to social care and moves the early help
children's case allocation to the early help worker, as allocation does.
"""

import datetime as dt
import random

from django.db import transaction

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, Restriction, Team, User
from haven.earlyhelp import selectors, services
from haven.earlyhelp.codes import ClosureOutcome
from haven.earlyhelp.family import siblings_of
from haven.earlyhelp.lead import record_lead
from haven.earlyhelp.models import EarlyHelpRequest
from haven.earlyhelp.services import ActionLine
from haven.people.codes import RelationshipKind
from haven.people.models import Person, Relationship
from haven.people.services import record_relationship

TEAM = "Early Help Team"
REASONS = (
    "School attendance has fallen below 80% this term",
    "Parent asking for help with the child's behaviour at home",
    "Family in temporary accommodation after eviction; money worries",
    "Young carer for a parent with long-term illness",
    "Parental conflict witnessed by the child; no injuries reported",
    "Child withdrawn at school after bereavement",
    "Health visitor concerned about the home conditions and routines",
)
ACTIONS = (
    ("Attend the parenting programme", "Mum"),
    ("Walk to school together every morning", "Dad"),
    ("Refer to the school nurse for a sleep plan", "Early help worker"),
    ("Apply for the housing benefit review", "Mum"),
    ("Meet the young carers' group", "Child and early help worker"),
    ("Talk to the class teacher each Friday", "School"),
    ("Book the family's GP appointment", "Mum"),
)

PROGRESS = (
    "Attendance up; mornings calmer",
    "Some progress; money worries continue",
    "Little change; family finding it hard to engage",
)
# How many requests cover brothers and sisters together (issue 11 item 10).
FAMILY_REQUESTS = 3

# Lead practitioners outside the council (chosen by the request's id, not the
# random generator, so the rest of the demo draws the same numbers).
LEADS = (
    ("Priya Shah", "School nurse", "Havenford Primary School"),
    ("Tom Okafor", "Health visitor", "Havenford Community Health"),
    ("Grace Lee", "Family support worker", "Havenford Family Action"),
)


def _open_to_social_care(person: Person) -> bool:
    try:
        from haven.cin.selectors import open_episode
    except ImportError:
        return False
    return open_episode(person) is not None


def _requester(person: Person) -> User | None:
    allocation = (
        Allocation.objects.filter(
            person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        )
        .select_related("worker", "team")
        .first()
    )
    if allocation is None:
        return None
    if allocation.worker is not None:
        return allocation.worker
    return allocation.team.managers.first()


def populate(rng: random.Random, children: list[Person]) -> None:
    team = Team.objects.filter(name=TEAM).first()
    if team is None:
        return
    manager = team.managers.first()
    workers = list(User.objects.filter(team=team, groups__name="Early help worker"))
    if manager is None or not workers:
        return
    restricted = set(Restriction.objects.values_list("person_id", flat=True))
    chosen = [
        c
        for c in rng.sample(children, k=max(1, len(children) // 5))
        if c.pk not in restricted
        and not _open_to_social_care(c)
        and selectors.open_request(c) is None  # the front door may have asked
    ]
    today = clock.today()
    waiting = min(len(chosen), rng.randint(10, 20))
    for child in chosen[:waiting]:
        _request(rng, child, today - dt.timedelta(days=rng.randint(0, 70)), team)
    for child in chosen[waiting:]:
        requested_on = today - dt.timedelta(days=rng.randint(60, 400))
        request = _request(rng, child, requested_on, team)
        if request is not None:
            try:
                _episode(rng, request, manager, rng.choice(workers), today)
            except DomainError:
                continue  # a rule refused this story: keep what was made
    _families(children, team, manager, workers)


def _request(
    rng: random.Random, child: Person, on: dt.date, team: Team
) -> EarlyHelpRequest | None:
    by = _requester(child)
    if by is None:
        return None
    source = rng.choice(["contact", "step_down", "direct", "contact"])
    return services.request_early_help(
        child,
        requested_on=on,
        reason=rng.choice(REASONS),
        source=source,
        contact_id=None,
        by=by,
        team=team,
    )


def _episode(
    rng: random.Random,
    request: EarlyHelpRequest,
    manager: User,
    worker: User,
    today: dt.date,
) -> None:
    request = services.allocate_request(
        request,
        worker=worker,
        on=request.requested_on + dt.timedelta(days=rng.randint(3, 60)),
        by=manager,
    )
    day = _lead_and_assess(rng, request, worker, today)
    if day is None:
        return
    day += dt.timedelta(days=rng.randint(2, 10))
    if day > today:
        return
    day = _plan_and_review(rng, request, worker, day, today)
    if rng.random() < 0.5:
        return
    _close(
        rng, request, worker, min(today, day + dt.timedelta(days=rng.randint(7, 30)))
    )


def _lead_and_assess(
    rng: random.Random, request: EarlyHelpRequest, worker: User, today: dt.date
) -> dt.date | None:
    """The lead practitioner, then the assessment: its day (None: not yet)."""
    assert request.allocated_on is not None
    day = request.allocated_on
    if request.pk % 2 == 0:
        name, role, organisation = LEADS[request.pk // 2 % len(LEADS)]
        record_lead(request, name=name, role=role, organisation=organisation, by=worker)
    day += dt.timedelta(days=rng.randint(10, 30))
    if day > today:
        return None
    services.complete_assessment(
        request,
        family_agreed_on=request.requested_on,
        family_agreed_by="Mum",
        strengths="Warm relationships; grandparents nearby and willing to help",
        needs=rng.choice(REASONS),
        family_view="Mum wants support and says things are harder since the move",
        child_view="Says they like school but mornings are stressful",
        analysis="Needs can be met with a family plan and school support",
        completed_on=day,
        by=worker,
    )
    return day


def _plan_and_review(
    rng: random.Random,
    request: EarlyHelpRequest,
    worker: User,
    day: dt.date,
    today: dt.date,
) -> dt.date:
    """The family plan from `day`, actions done and reviews held: the last
    review's day."""
    picked = rng.sample(ACTIONS, k=rng.randint(2, 4))
    plan = services.start_plan(
        request,
        family_agreed_by="Mum",
        started_on=day,
        actions=[
            ActionLine(action, who, day + dt.timedelta(days=rng.randint(14, 90)))
            for action, who in picked
        ],
        by=worker,
    )
    for action in plan.actions.all():
        if action.by_when < today and rng.random() < 0.7:
            services.complete_action(action, done_on=action.by_when, by=worker)
    while day + dt.timedelta(days=42) <= today and rng.random() < 0.8:
        day += dt.timedelta(days=42)
        services.review_plan(
            plan,
            held_on=day,
            progress=rng.choice(PROGRESS),
            next_steps="Carry on with the plan and review in six weeks",
            by=worker,
        )
    return day


def _close(
    rng: random.Random, request: EarlyHelpRequest, worker: User, closing: dt.date
) -> None:
    outcome = rng.choices(
        [
            ClosureOutcome.NEEDS_MET,
            ClosureOutcome.UNIVERSAL,
            ClosureOutcome.FAMILY_DECLINED,
            ClosureOutcome.MOVED_AWAY,
            ClosureOutcome.STEP_UP,
        ],
        weights=[4, 2, 2, 1, 1],
    )[0]
    if outcome == ClosureOutcome.STEP_UP:
        services.step_up(
            request,
            reason="Concerns escalated: the child disclosed harm at school",
            consent="given",
            on=closing,
            by=worker,
        )
    else:
        services.close_episode(request, closed_on=closing, outcome=outcome, by=worker)


def _free(person: Person, restricted: set[int]) -> bool:
    """Open to no service yet: early help may be asked for them."""
    return (
        person.pk not in restricted
        and not _open_to_social_care(person)
        and selectors.open_request(person) is None
    )


def _families(
    children: list[Person], team: Team, manager: User, workers: list[User]
) -> None:
    """A few requests that cover brothers and sisters together (one request,
    assessment and plan for the family), chosen in the register's order and
    not by the random generator, so the rest of the demo draws the same."""
    restricted = set(Restriction.objects.values_list("person_id", flat=True))
    made = 0
    for child in children:
        if made == FAMILY_REQUESTS:
            return
        siblings = [s for s in _brothers_and_sisters(child) if _free(s, restricted)]
        by = _requester(child)
        if not siblings or by is None or not _free(child, restricted):
            continue
        # Every other family allocated, the rest waiting in the queue.
        worker = workers[0] if made % 2 == 0 else None
        try:
            with transaction.atomic():
                for sibling in siblings:
                    if sibling not in siblings_of(child):
                        record_relationship(
                            child, other=sibling, kind=RelationshipKind.SIBLING, by=by
                        )
                _family_request(child, siblings, made, team=team, by=by)
                if worker is not None:
                    services.allocate_request(
                        EarlyHelpRequest.objects.get(person=child, closed_on=None),
                        worker=worker,
                        on=clock.today() - dt.timedelta(days=5),
                        by=manager,
                    )
        except DomainError:
            continue  # a rule refused this family: try the next
        made += 1


def _brothers_and_sisters(child: Person) -> list[Person]:
    """The other children of the child's mother (the demo's families record
    each child's mother, not their brothers and sisters)."""
    mothers = Relationship.objects.filter(
        person=child, kind=RelationshipKind.MOTHER
    ).values("other_id")
    return list(
        Person.objects.filter(
            relationships__kind=RelationshipKind.MOTHER,
            relationships__other_id__in=mothers,
        )
        .exclude(pk=child.pk)
        .distinct()
        .order_by("pk")
    )


def _family_request(
    child: Person, siblings: list[Person], made: int, *, team: Team, by: User
) -> None:
    services.request_early_help(
        child,
        requested_on=clock.today() - dt.timedelta(days=20 + 15 * made),
        reason=REASONS[made % len(REASONS)],
        source="direct",
        contact_id=None,
        by=by,
        team=team,
        siblings=siblings,
    )
