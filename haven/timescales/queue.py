"""Obligations on work queues: a worker's, a team's, and a child's."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet
from django.urls import NoReverseMatch

from haven.core import access, clock, permissions
from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import (
    WorkItem,
    access_filtered,
    flagged,
    gathered,
    items_for,
    soonest_first,
)
from haven.people.models import Person
from haven.timescales import selectors
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


def why_words(rule_id: str) -> str:
    """What the rule asks, in words, then where it comes from: why an item is due.
    (The rule's id is for people who look it up, so pages show it last.)"""
    found = rule(rule_id)
    return f"{found.description.rstrip('.')}. {source_words(rule_id)}"


def _obligation_items(due: QuerySet[Obligation], worker_field: str) -> list[WorkItem]:
    rows = due.annotate(worker_id=F(worker_field)).values(
        "rule_id",
        "subject",
        "due_on",
        "person_id",
        "worker_id",
        "person__given_name",
        "person__family_name",
    )
    return [
        WorkItem(
            worker_id=row["worker_id"] or UNALLOCATED,
            kind="Statutory timescale",
            title=_action(row["rule_id"]),
            url=_url(row["rule_id"], row["subject"], row["person_id"]),
            due_on=row["due_on"],
            person_id=row["person_id"],
            person_name=f"{row['person__given_name']} {row['person__family_name']}",
            source=why_words(row["rule_id"]),
            rule_id=row["rule_id"],
        )
        for row in rows
    ]


def _due(**current_allocation: object) -> QuerySet[Obligation]:
    """Due obligations whose child's *current* allocation matches. One filter()
    call, so every condition is on the same allocation row. A merged-away
    record's duties show on the survivor's page, not on queues."""
    conditions = {f"person__allocations__{k}": v for k, v in current_allocation.items()}
    return Obligation.objects.filter(
        status=Obligation.Status.DUE,
        person__merged_into__isnull=True,
        person__allocations__ended_on__isnull=True,
        # The duties are the social worker's; an IRO's come from their own rules.
        person__allocations__role=CaseRole.SOCIAL_WORKER,
        **conditions,
    ).exclude(rule_id__in=[k for k, a in ACTIVE.items() if not a.social_workers])


def obligations_of(workers: Sequence[User]) -> list[WorkItem]:
    """Due obligations of the children allocated to these workers, in one query."""
    due = _due(worker__in=workers)
    return _obligation_items(due, "person__allocations__worker")


def unallocated_obligations(team_ids: set[int]) -> list[WorkItem]:
    """Due obligations of children a team holds with no worker: a manager's to chase."""
    due = _due(team_id__in=team_ids, worker__isnull=True)
    return _obligation_items(due, "person__allocations__worker")


def my_work(user: User) -> tuple[list[WorkItem], list[WorkItem]]:
    """The user's own items, split into overdue and the rest (undated last)."""
    today = clock.today()
    items = items_for([user], viewer=user)
    late = [bool(i.due_on and i.due_on < today) for i in items]
    overdue = [i for i, is_late in zip(items, late, strict=True) if is_late]
    return overdue, [i for i, is_late in zip(items, late, strict=True) if not is_late]


@dataclass
class Due:
    obligation: Obligation
    action: str
    source: str
    url: str


def for_person(person_ids: list[int], user: User) -> list[Due]:
    """What is due for one child now (with records merged into theirs), soonest
    first, in words with its source; linked to the page that does it where
    `user` may do it."""
    due = selectors.due_for_page(person_ids)
    return [
        Due(
            obligation=o,
            action=_action(o.rule_id),
            source=source_words(o.rule_id),
            url=_url(o.rule_id, o.subject, o.person_id) if _may_act(o, user) else "",
        )
        for o in due
    ]


def _may_act(obligation: Obligation, user: User) -> bool:
    activation = ACTIVE.get(obligation.rule_id)
    return activation is None or activation.may_act is None or activation.may_act(user)


def person_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, object]:
    """The person page's "Due for" section (declared in the plugin.py)."""
    return {"person": person, "obligations": for_person(record_ids, user)}


UNALLOCATED = 0  # the worker id of items about cases a team holds with no worker


@dataclass
class WorkerSummary:
    worker: User | None  # None: the cases a team holds with no worker
    caseload: int
    items: list[WorkItem]
    overdue: int
    due_this_week: int
    # The first URGENT_SHOWN overdue or due within the week: what a manager chases.
    urgent: list[WorkItem]

    @property
    def key(self) -> str:
        return str(self.worker.pk) if self.worker else "unallocated"

    @property
    def name(self) -> str:
        if self.worker is None:
            return "Not allocated to a worker"
        return self.worker.get_full_name() or self.worker.username

    @property
    def team_name(self) -> str:
        return str(self.worker.team) if self.worker else "Your teams"


def team_members(manager: User, teams: set[int] | None = None) -> list[User]:
    """The workers in the teams this manager manages, directly or via a service,
    with their roles and managed teams read for all of them at once: the work
    sources ask each worker's (two queries a worker, one by one)."""
    teams = access.team_ids_for(manager) if teams is None else teams
    workers = list(
        User.objects.filter(team_id__in=teams, is_active=True)
        .select_related("team")
        .order_by("team__name", "last_name", "first_name")
    )
    permissions.prime(workers)
    access.prime_managed_teams(workers)
    return workers


def _current_allocations() -> QuerySet[Allocation]:
    # Merged-away records are few: leave them out without joining every person.
    merged = Person.objects.filter(merged_into__isnull=False).values("pk")
    return Allocation.objects.filter(
        ended_on__isnull=True, role=CaseRole.SOCIAL_WORKER
    ).exclude(person_id__in=merged)


URGENT_SHOWN = 10  # a worker's most urgent items on the team's page


def team_view(
    manager: User,
    today: dt.date | None = None,
    team: int | None = None,
    worker: str = "",
) -> list[WorkerSummary]:
    """Each worker's caseload and queue, and the cases the teams hold with no
    worker, overdue first; of one of the manager's teams, if `team` is given.
    Only children the manager may open are named. The children's flags are
    read only for the items a page shows: the chosen `worker`'s (a summary's
    key), or else every worker's most urgent."""
    today = today or clock.today()
    teams = _teams_of(manager, team)
    workers = team_members(manager, teams)
    caseloads = _caseloads(workers, teams)
    by_worker: dict[int, list[WorkItem]] = {w.pk: [] for w in workers}
    by_worker[UNALLOCATED] = []
    everything = gathered(workers) + unallocated_obligations(teams)
    for item in soonest_first(access_filtered(manager, everything)):
        if not item.private:
            by_worker.setdefault(item.worker_id, []).append(item)
    week = today + dt.timedelta(days=7)
    summaries = [
        _summary(w, caseloads.get(w.pk if w else UNALLOCATED, 0), items, today, week)
        for w, items in [(w, by_worker[w.pk]) for w in workers]
        + [(None, by_worker[UNALLOCATED])]
    ]
    _flag_shown(summaries, worker)
    return sorted(summaries, key=lambda s: (-s.overdue, -len(s.items)))


def _caseloads(workers: list[User], teams: set[int]) -> dict[int, int]:
    """How many children each worker holds now, and the teams with no worker."""
    current = _current_allocations()
    caseloads = dict(
        current.filter(worker__in=workers)
        .values("worker")
        .annotate(n=Count("pk"))
        .values_list("worker", "n")
    )
    caseloads[UNALLOCATED] = current.filter(
        team_id__in=teams, worker__isnull=True
    ).count()
    return caseloads


def _flag_shown(summaries: list[WorkerSummary], worker: str) -> None:
    """The shown items' flags, for every summary in one read."""
    chosen = next((s for s in summaries if s.key == worker), None)
    if chosen is not None:
        [chosen.items] = flagged([chosen.items])
        # The items are soonest first: the urgent ones are their first.
        chosen.urgent = chosen.items[: len(chosen.urgent)]
        return
    for summary, urgent in zip(
        summaries, flagged([s.urgent for s in summaries]), strict=True
    ):
        summary.urgent = urgent


def _summary(
    worker: User | None,
    caseload: int,
    items: list[WorkItem],
    today: dt.date,
    week: dt.date,
) -> WorkerSummary:
    return WorkerSummary(
        worker=worker,
        caseload=caseload,
        items=items,
        overdue=sum(1 for i in items if i.due_on and i.due_on < today),
        due_this_week=sum(1 for i in items if i.due_on and today <= i.due_on <= week),
        urgent=[i for i in items if i.due_on and i.due_on <= week][:URGENT_SHOWN],
    )


def _teams_of(manager: User, team: int | None) -> set[int]:
    """The manager's teams, or the one asked for if it is among them."""
    teams = access.team_ids_for(manager)
    return teams if team is None else teams & {team}


@dataclass(frozen=True)
class HeldCase:
    """One child behind a caseload count, as a manager's list shows them."""

    allocation: Allocation

    @property
    def name(self) -> str:
        return self.allocation.person.full_name

    @property
    def url(self) -> str:
        return link("people:detail", self.allocation.person_id)

    @property
    def allocation_url(self) -> str:
        return link("casework:allocation", self.allocation.person_id)


def children_behind(
    manager: User, summary: WorkerSummary, team: int | None = None
) -> tuple[list[HeldCase], int]:
    """The children a row of the team view counts: a worker's caseload, or the
    cases the manager's teams hold with no worker. Children the manager may not
    open (restricted records) are counted, never named: (named, not named)."""
    held = _current_allocations()
    if summary.worker is None:
        held = held.filter(team_id__in=_teams_of(manager, team), worker=None)
    else:
        held = held.filter(worker=summary.worker)
    openable = access.visible_people(
        manager, Person.objects.filter(pk__in=held.values("person_id"))
    )
    named = (
        held.filter(person__in=openable)
        .select_related("person", "team")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    cases = [HeldCase(allocation) for allocation in named]
    return cases, held.count() - len(cases)
