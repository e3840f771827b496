"""A child protection chair's work: the conferences due in the next 15 working
days for the children they chair, the records they have still to sign off,
and the plans whose review conference is overdue. A work source (plugin.py),
so it is on the chair's My work and on their manager's team view, and the
chair's queue page groups it.

Due dates are the engine's obligations (CP-ICPC, CP-RCPC1, CP-RCPC-N,
CP-TRANSFER-IN), read
for the children whose current chair's role (an allocation) the chair holds.
Each call asks the database three times however many chairs and children.
"""

import datetime as dt
from collections.abc import Sequence

from django.db.models import F, QuerySet

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import WorkItem
from haven.protection.codes import ConferenceKind
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceArrangement,
)
from haven.timescales.calendar import add_working_days
from haven.timescales.models import Obligation
from haven.timescales.queue import why_words
from haven.timescales.registry import ACTIVE

WINDOW = 15  # working days ahead a chair sees the conferences coming
CONFERENCE_RULES = ("CP-ICPC", "CP-RCPC1", "CP-RCPC-N", "CP-TRANSFER-IN")
REVIEW_RULES = ("CP-RCPC1", "CP-RCPC-N")

DUE = "Conference to chair"
MINUTES = "Record to sign off"
OVERDUE_REVIEW = "Review conference overdue"
SIGN_OFF_SOURCE = (
    "Working Together 2023 ch.3: the chair is responsible for the conference's "
    "record and its decisions"
)


def window_end(today: dt.date) -> dt.date:
    return add_working_days(today, WINDOW)


def due_conferences(today: dt.date) -> QuerySet[Obligation]:
    """Conference duties due within the window (and any overdue), of
    children whose record was not merged away."""
    return Obligation.objects.filter(
        status=Obligation.Status.DUE,
        rule_id__in=CONFERENCE_RULES,
        due_on__lte=window_end(today),
        person__merged_into__isnull=True,
    )


def chaired_by_anyone() -> QuerySet[Allocation]:
    """The current chairs' roles on children's cases."""
    return Allocation.objects.filter(role=CaseRole.CP_CHAIR, ended_on__isnull=True)


def _booked(person_ids: set[int]) -> dict[tuple[str, str], dt.date]:
    """The day each waiting booking is for, by (enquiry or plan) subject."""
    rows = ConferenceArrangement.objects.filter(
        conference=None, episode__person_id__in=person_ids
    ).values_list("section_47_id", "plan_id", "planned_on", "episode_id", "kind")
    found: dict[tuple[str, str], dt.date] = {}
    for enquiry, plan, planned, episode, kind in rows:
        if kind == ConferenceKind.TRANSFER_IN:
            found[("episode", str(episode))] = planned
        if enquiry is not None:
            found[("section_47", str(enquiry))] = planned
        if plan is not None:
            found[("plan", str(plan))] = planned
    return found


def _conference_items(chairs: Sequence[User], today: dt.date) -> list[WorkItem]:
    rows = list(
        due_conferences(today)
        # One filter() call: every condition on the same allocation row.
        .filter(
            person__allocations__role=CaseRole.CP_CHAIR,
            person__allocations__ended_on__isnull=True,
            person__allocations__worker__in=chairs,
        )
        .annotate(worker_id=F("person__allocations__worker"))
        .values(
            "rule_id",
            "subject",
            "due_on",
            "person_id",
            "worker_id",
            "person__given_name",
            "person__family_name",
        )
    )
    booked = _booked({row["person_id"] for row in rows})
    items = []
    for row in rows:
        rule_id = row["rule_id"]
        activation = ACTIVE[rule_id]
        late = rule_id in REVIEW_RULES and row["due_on"] < today
        planned = booked.get((activation.key, row["subject"]))
        title = activation.action
        if planned is not None:
            title += f" (arranged for {planned:%-d %B %Y})"
        items.append(
            WorkItem(
                worker_id=row["worker_id"],
                kind=OVERDUE_REVIEW if late else DUE,
                title=title,
                url=link(activation.url_name, int(row["subject"])),
                due_on=row["due_on"],
                person_id=row["person_id"],
                person_name=f"{row['person__given_name']} {row['person__family_name']}",
                source=why_words(rule_id),
                rule_id=rule_id,
            )
        )
    return items


def _minutes(chairs: Sequence[User]) -> list[WorkItem]:
    unsigned = (
        Conference.objects.filter(chair__in=chairs, signed_off_at=None)
        .select_related("episode__person")
        .order_by("held_on", "pk")
    )
    return [
        WorkItem(
            worker_id=conference.chair_id,
            kind=MINUTES,
            title=f"Sign off the record of the {conference.get_kind_display().lower()}"
            f" held on {conference.held_on:%-d %B %Y}",
            url=link("protection:conference", conference.pk),
            person_id=conference.episode.person_id,
            person_name=conference.episode.person.full_name,
            source=SIGN_OFF_SOURCE,
        )
        for conference in unsigned
    ]


def conference_work(workers: Sequence[User]) -> list[WorkItem]:
    """The work source: each worker's conferences to chair, records to sign
    off and reviews overdue (nothing for someone who chairs none). Which
    children a reader may see named is the queue's to decide."""
    today = clock.today()
    return _conference_items(workers, today) + _minutes(workers)


def on_a_plan(person_ids: set[int]) -> set[int]:
    """Which of these children are on a child protection plan now: their flag
    on the identity bar and on every queue (plugin.py)."""
    running = ChildProtectionPlan.objects.filter(
        person_id__in=person_ids, ended_on=None
    )
    return set(running.values_list("person_id", flat=True))
