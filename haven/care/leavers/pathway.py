"""Recording a care leaver's pathway plan, one version at a time like the care
plan (each agreed on a day, saying from version 2 what changed and why), and
its reviews. Each checks the user's role and access (a social worker or the
personal adviser with lasting access), names every fault at once, and writes
the record and its journal event in one transaction.

A review is the event CL-PATHWAY-REVIEW reads: each one falls due six months
after the last (Care Leavers (England) Regulations 2010 reg 7).

Journal events:
  care.pathway_plan_agreed   {"child", "plan", "version", "agreed_on"}
  care.pathway_plan_reviewed {"child", "review", "held_on"}
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.leavers.rules import ELIGIBLE, FORMER_RELEVANT, RELEVANT
from haven.care.leavers.status import leaver_status
from haven.care.models import PathwayPlan, PathwayReview
from haven.care.plans import versions
from haven.core import few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

AGREED = "care.pathway_plan_agreed"
REVIEWED = "care.pathway_plan_reviewed"
# Those a pathway plan is for: an eligible child's is part of their care plan.
WITH_A_PLAN = (ELIGIBLE, RELEVANT, FORMER_RELEVANT)


@dataclass(frozen=True)
class PathwaySections:
    """What the pathway plan says (CLR Schedule 1, in short)."""

    accommodation: str
    education: str
    health: str
    relationships: str
    finance: str
    contingency: str


WORDS = {
    "accommodation": "Say where they will live and what support they will have",
    "education": "Say how their education, training or work will be supported",
    "health": "Say how their health and wellbeing will be supported",
    "relationships": "Say how their family and social relationships will be kept up",
    "finance": "Say how they will manage money and what financial support they have",
    "contingency": "Say what will happen if the plan breaks down",
}


def latest_plan(person: Person) -> PathwayPlan | None:
    return few.first_of(
        "leavers.latest_plan",
        PathwayPlan,
        record_ids(person),
        lambda ids: PathwayPlan.objects.filter(person_id__in=ids).order_by("-number"),
    )


def _care_leaver_on(
    person: Person, day: dt.date | None, field: str, failures: Failures
) -> None:
    if day is None:
        return
    status = leaver_status(person, day)
    if status is None or status.kind not in WITH_A_PLAN:
        failures.add(
            "no_pathway_plan_due",
            f"On {inputs.words(day)} they were not an eligible, relevant or former "
            "relevant child: a pathway plan is for them",
            field,
        )


def agree_pathway_plan(
    person: Person,
    sections: PathwaySections,
    *,
    agreed_on: dt.date | None,
    what_changed: str = "",
    by: User,
) -> PathwayPlan:
    """A new version of the pathway plan, agreed on `agreed_on`."""
    recording.may_record(by, person)
    failures = Failures()
    text = {name: str(value).strip() for name, value in asdict(sections).items()}
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        versions.required(text, WORDS, failures)
        agreed_on = inputs.past_date(
            agreed_on, field="agreed_on", what="the plan was agreed", failures=failures
        )
        _care_leaver_on(person, agreed_on, "agreed_on", failures)
        place = versions.following(
            latest_plan(person),
            agreed_on=agreed_on,
            what_changed=what_changed,
            failures=failures,
        )
        failures.raise_any()
        assert agreed_on is not None
        plan = PathwayPlan.objects.create(
            person=person,
            number=place.number,
            supersedes=place.supersedes,
            agreed_on=agreed_on,
            what_changed=what_changed.strip() if place.supersedes else "",
            written_by=by,
            **text,
        )
        journal.append(
            person,
            AGREED,
            {
                "child": person.pk,
                "plan": plan.pk,
                "version": plan.number,
                "agreed_on": agreed_on,
            },
            by=by,
            occurred_at=recording.occurred(agreed_on),
        )
    return plan


def review_pathway_plan(
    person: Person, *, held_on: dt.date | None, outcome: str, by: User
) -> PathwayReview:
    """The pathway plan was reviewed on `held_on`."""
    recording.may_record(by, person)
    failures = Failures()
    outcome = outcome.strip()
    if not outcome:
        failures.add(
            "outcome_required", "Say what the review found and decided", "outcome"
        )
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        held_on = inputs.past_date(
            held_on, field="held_on", what="of the review", failures=failures
        )
        plan = latest_plan(person)
        if held_on is not None and (plan is None or plan.agreed_on > held_on):
            failures.add(
                "no_plan_to_review",
                "There was no pathway plan to review on that day: record the plan "
                "first",
                "held_on",
            )
        failures.raise_any()
        assert held_on is not None
        review = PathwayReview.objects.create(
            person=person, held_on=held_on, outcome=outcome, recorded_by=by
        )
        journal.append(
            person,
            REVIEWED,
            {"child": person.pk, "review": review.pk, "held_on": held_on},
            by=by,
            occurred_at=recording.occurred(held_on),
        )
    return review
