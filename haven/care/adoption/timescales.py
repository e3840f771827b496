"""The adoption timescales' events and duties (AAR 2005 reg 36).

The agency first has authority to place a child for adoption when a placement
order (E1) or freeing order (D1) comes into force: the listener turns that
change of legal status (recorded by the court's orders, or by hand) into the
catalogue's trigger, adoption.authority_to_place_granted, once a period of
care. The looked-after review is the adoption review the regulations ask for
(the IRO chairs both), so care.review_held meets the review duties; a
statutory visit to the child at their adopters' meets ADO-VISIT.

Journal events:
  adoption.authority_to_place_granted {"period", "child", "on"}
"""

from haven.care.adoption.codes import AUTHORITY as ORDERS
from haven.core import journal
from haven.core.models import JournalEvent
from haven.people.models import Person

AUTHORITY = "adoption.authority_to_place_granted"
_STARTS = {"care.period_of_care_started", "care.legal_status_changed"}


def _granted_now(event: JournalEvent) -> bool:
    payload = event.payload
    if event.type not in _STARTS or payload.get("code") not in ORDERS:
        return False
    return payload.get("previous_code") not in ORDERS


def on_authority(event: JournalEvent) -> None:
    """The journal listener: authority to place, the first time in a period."""
    if not _granted_now(event):
        return
    period = event.payload["period"]
    earlier = JournalEvent.objects.filter(
        person_id=event.person_id, type=AUTHORITY, payload__period=period
    )
    if earlier.exists():
        return
    on = event.payload.get("on") or event.payload.get("started_on")
    journal.append(
        Person.objects.get(pk=event.person_id),
        AUTHORITY,
        {"period": period, "child": event.person_id, "on": on},
        by=event.actor,
        occurred_at=event.occurred_at,
    )
