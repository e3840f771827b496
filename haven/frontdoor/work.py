"""Children awaiting a front door decision, on the front door managers' My work."""

from collections.abc import Sequence

from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.frontdoor.selectors import front_door_managers, queue_rows, undecided
from haven.timescales.queue import why_words


def contacts_to_decide(workers: Sequence[User]) -> list[WorkItem]:
    """The decision belongs to a manager, whoever the child is allocated to.

    One item a child (each child of a contact has a decision of their own), so
    an item names only its own child: which children a reader may see named is
    the queue's to decide (`items_for`, `access_filtered`), not the source's.
    The same queue for every front door manager, read once.
    """
    managers = front_door_managers(list(workers))
    if not managers:
        return []
    rows = queue_rows(undecided())
    return [
        WorkItem(
            worker_id=manager.pk,
            kind="Front door decision",
            title="Decide what happens next with the contact about "
            f"{named.person.full_name}",
            url=link("frontdoor:decide", row.contact.pk),
            due_on=row.due_on,
            person_id=named.person_id,
            person_name=named.person.full_name,
            source=why_words("REF-DECISION"),
            rule_id="REF-DECISION",
        )
        for manager in managers
        for row in rows
        for named in row.children
    ]
