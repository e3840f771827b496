"""An allegation that someone in a child's family has harmed them, recorded
on the relationship, so the family network marks them wherever it is drawn.

An allegation usually comes after the relationship was recorded (a strategy
discussion, a disclosure), and may be withdrawn: each change is journaled on
both records with its reason; the relationship holds only the current answer.
"""

from django.db import transaction

from haven.core import journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.households import check_may_record
from haven.people.models import Relationship


def record_allegation(
    link: Relationship, *, alleged: bool, reason: str, by: User
) -> Relationship:
    """Record that `link.other` is alleged (or, with `alleged` False, no
    longer alleged) to have harmed `link.person`, and why."""
    check_may_record(by, link.person)
    failures = Failures()
    if not reason.strip():
        failures.add(
            "reason_required",
            "Say where the allegation comes from, or why it no longer stands",
            field="reason",
        )
    with transaction.atomic():
        link = (
            Relationship.objects.select_for_update()
            .select_related("person", "other")
            .get(pk=link.pk)
        )
        if link.alleged_perpetrator == alleged:
            now = "already" if alleged else "not"
            failures.add(
                "allegation_unchanged",
                f"{link.other} is {now} recorded as alleged to have harmed "
                f"{link.person.given_name}",
                field="alleged",
            )
        failures.raise_any()
        link.alleged_perpetrator = alleged
        link.save(update_fields=["alleged_perpetrator"])
        child, other = link.person, link.other
        words = (
            f"{other} is alleged to have harmed {child}"
            if alleged
            else f"{other} is no longer alleged to have harmed {child}"
        )
        for stream, named in ((child, other), (other, child)):
            journal.append(
                stream,
                "people.allegation_recorded",
                {"other": named.pk, "alleged": alleged, "words": words},
                by=by,
                reason=reason,
                significant=True,
            )
    return link
