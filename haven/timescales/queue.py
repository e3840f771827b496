"""Obligations on work queues: a worker's, a team's, and a child's."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.urls import NoReverseMatch

from haven.core import access, clock
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import WorkItem, items_for, work_source
from haven.timescales.catalogue import STATUS_WORDS, rule
from haven.timescales.models import Obligation
from haven.timescales.registry import ACTIVE


def _url(obligation_rule: str, subject: str, person_id: int) -> str:
    activation = ACTIVE.get(obligation_rule)
    if activation is not None:
        try:
            return link(activation.url_name, int(subject))
        except (NoReverseMatch, ValueError):
            pass
    return link("people:detail", person_id)


def _action(rule_id: str) -> str:
    activation = ACTIVE.get(rule_id)
    return activation.action if activation else rule(rule_id).description


def source_words(rule_id: str) -> str:
    found = rule(rule_id)
    return f"{STATUS_WORDS[found.status]}: {found.source}"


@work_source
def obligations_of(workers: Sequence[User]) -> list[WorkItem]:
    """Due obligations of the children allocated to these workers, in one query."""
    rows = (
        Obligation.objects.filter(
            status=Obligation.Status.DUE,
            person__allocations__worker__in=workers,
            person__allocations__ended_on__isnull=True,
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
    return [
        WorkItem(
            worker_id=row["worker_id"],
            kind=f"Statutory timescale {row['rule_id']}",
            title=_action(row["rule_id"]),
            url=_url(row["rule_id"], row["subject"], row["person_id"]),
            due_on=row["due_on"],
            person_id=row["person_id"],
            person_name=f"{row['person__given_name']} {row['person__family_name']}",
            source=source_words(row["rule_id"]),
        )
        for row in rows
    ]


@dataclass
class Due:
    obligation: Obligation
    action: str
    source: str
    url: str


def for_person(person_id: int) -> list[Due]:
    """What is due for one child now, soonest first, in words with its source."""
    due = Obligation.objects.filter(
        person_id=person_id, status=Obligation.Status.DUE
    ).order_by("due_on")
    return [
        Due(
            obligation=o,
            action=_action(o.rule_id),
            source=source_words(o.rule_id),
            url=_url(o.rule_id, o.subject, person_id),
        )
        for o in due
    ]


@dataclass
class WorkerSummary:
    worker: User
    caseload: int
    items: list[WorkItem]
    overdue: int
    due_this_week: int
    urgent: list[WorkItem]  # overdue or due within the week: what a manager chases


def team_members(manager: User) -> list[User]:
    """The workers in the teams this manager manages, directly or via a service."""
    return list(
        User.objects.filter(team_id__in=access.team_ids_for(manager), is_active=True)
        .select_related("team")
        .order_by("team__name", "last_name", "first_name")
    )


def team_view(manager: User, today: dt.date | None = None) -> list[WorkerSummary]:
    """Each worker's caseload and queue, workers with overdue work first."""
    today = today or clock.today()
    workers = team_members(manager)
    caseloads = dict(
        Allocation.objects.filter(worker__in=workers, ended_on__isnull=True)
        .values("worker")
        .annotate(n=Count("pk", filter=Q(person__merged_into__isnull=True)))
        .values_list("worker", "n")
    )
    by_worker: dict[int, list[WorkItem]] = {w.pk: [] for w in workers}
    for item in items_for(workers):
        if item.private:
            continue
        by_worker.setdefault(item.worker_id, []).append(item)
    week = today + dt.timedelta(days=7)
    summaries = [
        WorkerSummary(
            worker=w,
            caseload=caseloads.get(w.pk, 0),
            items=by_worker[w.pk],
            overdue=sum(1 for i in by_worker[w.pk] if i.due_on and i.due_on < today),
            due_this_week=sum(
                1 for i in by_worker[w.pk] if i.due_on and today <= i.due_on <= week
            ),
            urgent=[i for i in by_worker[w.pk] if i.due_on and i.due_on <= week],
        )
        for w in workers
    ]
    return sorted(summaries, key=lambda s: (-s.overdue, -len(s.items)))
