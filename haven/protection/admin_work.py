"""A conference administrator's work: for the conferences they administer,
the invitations still to send, the records waiting for the chair's sign-off
(to chase), and the signed records still to circulate. A work source
(plugin.py), so it is on the administrator's My work and their manager's team
view, and the administrator's queue page groups it.

None of these has a due date the timescale engine sets (no rule gives one):
each says the day the conference is or was. Each call asks the database
once however many administrators and conferences.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse

from haven.core.models import User
from haven.core.work import WorkItem
from haven.protection.models import ConferenceArrangement

INVITATIONS = "Invitations to send"
AWAITING = "Record awaiting the chair's sign-off"
CIRCULATE = "Record to circulate"
KINDS = (INVITATIONS, AWAITING, CIRCULATE)
SOURCE = (
    "Working Together 2023 ch.3: those invited receive the conference's "
    "papers beforehand, and its record is circulated once agreed"
)


@dataclass(frozen=True)
class Task:
    kind: str
    booked: ConferenceArrangement
    title: str

    def item(self) -> WorkItem:
        person = self.booked.episode.person
        return WorkItem(
            worker_id=self.booked.administrator_id or 0,
            kind=self.kind,
            title=self.title,
            # Done on the administrator's queue, at the conference's row.
            url=f"{reverse('protection:administration')}#arrangement-{self.booked.pk}",
            person_id=person.pk,
            person_name=person.full_name,
            source=SOURCE,
        )


def _theirs(admins: Sequence[User]) -> QuerySet[ConferenceArrangement]:
    return ConferenceArrangement.objects.filter(
        administrator__in=admins, episode__person__merged_into__isnull=True
    ).select_related("episode__person", "conference__chair")


def tasks(admins: Sequence[User]) -> list[Task]:
    """Each administrator's invitations to send, records awaiting sign-off
    and records to circulate, by the conference's day: read in one query
    (a team's view asks it of every worker, most of whom administer none)."""
    found: dict[str, list[Task]] = {kind: [] for kind in KINDS}
    waiting = (
        Q(conference=None, invitations_sent_on=None)
        | Q(conference__isnull=False, conference__signed_off_at=None)
        | Q(conference__signed_off_at__isnull=False, record_circulated_on=None)
    )
    for b in _theirs(admins).filter(waiting):
        task = _task(b)
        found[task.kind].append(task)
    return [task for kind in KINDS for task in found[kind]]


def _task(b: ConferenceArrangement) -> Task:
    if b.conference is None:
        return Task(
            INVITATIONS,
            b,
            f"Send the invitations to the {b.get_kind_display().lower()} "
            f"on {b.planned_on:%-d %B %Y}",
        )
    if b.conference.signed_off_at is None:
        return Task(
            AWAITING,
            b,
            f"Ask {b.conference.chair.get_full_name()} to sign off the record "
            f"of the conference held on {b.conference.held_on:%-d %B %Y}",
        )
    return Task(
        CIRCULATE,
        b,
        "Circulate the signed record of the conference held on "
        f"{b.conference.held_on:%-d %B %Y}",
    )


def admin_work(admins: Sequence[User]) -> list[WorkItem]:
    """The work source (nothing for anyone who administers no conference)."""
    return [task.item() for task in tasks(admins)]
