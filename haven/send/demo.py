"""The demo authority's SEND records: requests at every stage up to the final
plan and its annual review (held and decided), for the demo's own children
(each with a family, an address and a journal): some known to social care
(with a social worker now), the rest, up to twice as many, whose work with
social care has ended or never needed a social worker. A generator of its
own, so the rest of the demo draws as it did before SEND."""

import datetime as dt
import random

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Establishment, User
from haven.people.models import Person
from haven.send import advice, details_demo, plans, reviews, services
from haven.send.changes import demo as changes_demo
from haven.send.codes import NeedType, RequestSource, ReviewOutcome
from haven.send.models import EhcPlan

# "reviewed" first, so even a small demo (the browser tests' seed) holds one.
STAGES = ("reviewed", "requested", "assessing", "to_issue", "drafted", "issued")


def _ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def _known(children: list[Person]) -> list[Person]:
    """Children with a social worker now, and no restriction."""
    held = set(
        Allocation.objects.filter(
            person__in=children,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
            worker__isnull=False,
            person__restriction__isnull=True,
        ).values_list("person_id", flat=True)
    )
    return [c for c in children if c.pk in held and c.date_of_birth]


def _not_known(children: list[Person], known: list[Person]) -> list[Person]:
    """Children with no social worker now, and no restriction."""
    held = {c.pk for c in known} | set(
        Allocation.objects.filter(
            person__in=children, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        ).values_list("person_id", flat=True)
    )
    restricted = set(
        Person.objects.filter(
            pk__in=[c.pk for c in children], restriction__isnull=False
        ).values_list("pk", flat=True)
    )
    return [
        c
        for c in children
        if c.pk not in held and c.pk not in restricted and c.date_of_birth
    ]


def _sen2_ready(child: Person) -> bool:
    """A child whose record the SEN2 return takes as it is: a UPN (the demo
    gives the school-age one) and a sex of M or F (SEN2 has no U), so the
    demo's return has no fault the demo did not mean."""
    return bool(child.upn) and child.sex in ("M", "F")


def populate(children: list[Person]) -> None:
    rng = random.Random("send")
    officer = User.objects.filter(username="send-officer").first()
    schools = list(Establishment.objects.order_by("urn")[:20])
    if officer is None or not schools:
        return
    known = [c for c in _known(children) if _sen2_ready(c)]
    known = rng.sample(known, k=min(len(known), max(1, len(children) // 10)))
    unknown = [c for c in _not_known(children, known) if _sen2_ready(c)]
    others = rng.sample(unknown, k=min(len(unknown), 2 * len(known)))
    for index, child in enumerate(known + others):
        _take_to(child, STAGES[index % len(STAGES)], rng, officer, schools)
    rest = [c for c in unknown if c not in others]
    if rest:  # a plan transferred in, amended, transferring and appealed
        changes_demo.populate(rest[0], officer, schools)


def _take_to(
    child: Person,
    stage: str,
    rng: random.Random,
    by: User,
    schools: list[Establishment],
) -> None:
    """Bring one child's request to `stage`, each step on a date of its own."""
    start = 20 if stage == "requested" else rng.randrange(150, 300)
    request = services.record_request(
        child,
        received_on=_ago(start),
        source=rng.choice(RequestSource.values),
        details="Synthetic demo request.",
        by=by,
    )
    if stage == "requested":
        return
    services.decide_assessment(request, decision="Y", on=_ago(start - 35), by=by)
    advice.request_advice(
        request, kinds=["education", "social_care"], on=_ago(start - 37), by=by
    )
    if stage == "assessing":
        return
    services.decide_plan(request, decision="Y", on=_ago(start - 90), by=by)
    details_demo.consult(request, start - 90, schools, by)
    need = rng.choice(NeedType.values)
    text = plans.PlanText(
        sections={"a": "Synthetic demo: the child's views.", "b": "Demo needs."},
        setting=rng.choice(schools),
        primary_need=need,
    )
    plan = plans.serve_draft(request, on=_ago(start - 100), text=text, by=by)
    if stage == "drafted":
        return
    late = rng.random() < 0.25
    issued = start - (150 if late else 130)
    plan = plans.issue_plan(plan, on=_ago(max(issued, 0)), text=text, by=by)
    details_demo.furnish(plan, max(issued, 0), schools, by)
    if stage == "reviewed":
        _reviewed(plan, max(issued, 0), rng, by)


def _reviewed(plan: EhcPlan, issued: int, rng: random.Random, by: User) -> None:
    """A review meeting between the plan and today, decided within 2 weeks
    (never after today, whatever the day the demo is built)."""
    held = issued // 2
    review = reviews.record_meeting(
        plan,
        held_on=_ago(held),
        attended="The child, a parent, the SENCo (synthetic demo)",
        views="Synthetic demo: happy at school; wants more help with reading.",
        by=by,
    )
    decision = rng.choice(ReviewOutcome.values)
    reviews.decide(
        review,
        decision=decision,
        on=_ago(max(held - 14, 0)),
        amendments="Synthetic demo: more help with reading in section F.",
        cease_reason="5",  # transferred to another authority in England
        by=by,
    )
