"""The "Statutory visits" section of a looked-after child's page: when the
next visit is due and under which regime (from the timescale engine), the
child's visits with the placement each was made at, and the agreement to
fewer visits or a request for an extra one."""

from typing import Any

from haven.care import selectors
from haven.care.models import FewerVisitsAgreement, VisitRequest
from haven.care.permissions import may_record_care
from haven.care.visits import reads, timeline
from haven.care.visits.recording import may_agree_from
from haven.core import clock, few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales.catalogue import rule
from haven.timescales.queue import why_words

SHOWN = 10


def visits_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = selectors.care_for_page(person)
    if not cares:
        return None
    current = cares[0] if cares[0].period.is_open else None
    placement = current.current_placement if current else None
    following = reads.next_visit(person, placement, record_ids)
    agreement = (
        few.first_of(
            "care.visits.agreement",
            FewerVisitsAgreement,
            [placement.pk],
            lambda ids: FewerVisitsAgreement.objects.filter(placement_id__in=ids),
        )
        if placement is not None
        else None
    )
    visits = reads.visits_of(person, cares)
    long_term = placement is not None and placement.place in timeline.UNTIL_18
    return {
        "person": person,
        "current": current,
        "placement": placement,
        "next": following,
        "next_words": rule(following.rule_id).description if following else "",
        "next_why": why_words(following.rule_id) if following else "",
        "visits": visits[:SHOWN],
        "more": max(len(visits) - SHOWN, 0),
        "agreement": agreement,
        "may_agree": long_term
        and agreement is None
        and clock.today() >= may_agree_from(placement),  # type: ignore[arg-type]
        "requests": few.of(
            "care.visits.requests",
            VisitRequest,
            record_ids,
            lambda ids: VisitRequest.objects.filter(period__person_id__in=ids).order_by(
                "-requested_on", "-pk"
            )[:3],
        ),
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }
