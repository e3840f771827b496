"""Casework items on work queues: open supervision actions and unfinished drafts."""

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from haven.casework.models import SupervisionAction
from haven.casework.selectors import unfinished_drafts
from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem


def supervision_actions(workers: Sequence[User]) -> list[WorkItem]:
    """Open actions from case supervisions, for their owners, in one query."""
    actions = SupervisionAction.objects.filter(
        owner__in=workers, done_on__isnull=True
    ).select_related("supervision__person", "supervision__manager")
    return [
        WorkItem(
            worker_id=action.owner_id,
            kind="Supervision action",
            title=action.description,
            url=link("casework:supervisions", action.supervision.person_id)
            + f"#action-{action.pk}",
            due_on=action.due_on,
            person_id=action.supervision.person_id,
            person_name=action.supervision.person.full_name,
            source=(
                f"Case supervision by {action.supervision.manager} on "
                f"{action.supervision.held_on:%-d %B %Y}"
            ),
        )
        for action in actions
    ]


def _when(at: dt.datetime) -> str:
    return f"{timezone.localtime(at):%-d %B %Y at %H:%M}"


def drafts(workers: Sequence[User]) -> list[WorkItem]:
    """Case notes their authors started and have not saved, in one query."""
    found = unfinished_drafts().filter(author__in=workers).select_related("person")
    return [
        WorkItem(
            worker_id=draft.author_id,
            kind="Draft case note",
            title=f"Finish or discard your draft: {draft.subject or 'no subject yet'}",
            url=link("casework:draft", draft.pk),
            person_id=draft.person_id,
            person_name=draft.person.full_name,
            source=f"Last saved {_when(draft.updated_at)}",
            private=True,
        )
        for draft in found
    ]
