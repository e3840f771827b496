"""Contacts awaiting a decision, on the front door managers' My work."""

from collections.abc import Sequence

from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.frontdoor.selectors import awaiting_decision, manages_front_door
from haven.timescales.queue import why_words


def contacts_to_decide(workers: Sequence[User]) -> list[WorkItem]:
    """The decision belongs to a manager, whoever the child is allocated to."""
    items = []
    # Only managers can decide: find them in one query, not a permission check
    # (two queries) per worker of a team.
    managers = User.objects.filter(
        pk__in=[w.pk for w in workers],
        groups__permissions__codename="manage_team_cases",
    ).distinct()
    for manager in (m for m in managers if manages_front_door(m)):
        for row in awaiting_decision(manager):
            names = ", ".join(named.person.full_name for named in row.children)
            items.append(
                WorkItem(
                    worker_id=manager.pk,
                    kind="Front door decision",
                    title=f"Decide what happens next with the contact about {names}",
                    url=link("frontdoor:decide", row.contact.pk),
                    due_on=row.due_on,
                    person_id=row.children[0].person_id,
                    person_name=row.children[0].person.full_name,
                    source=why_words("REF-DECISION"),
                    rule_id="REF-DECISION",
                )
            )
    return items
