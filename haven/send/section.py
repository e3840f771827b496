"""The "SEND" section of a child's page: their EHC requests and plans, for the
SEND officer, the social worker and the virtual school officer. The SEND
officer also sees the child's social care context (in need, on a plan,
looked after) and who their social worker is: not the case notes."""

from typing import Any

from haven.casework.caseload_facts import facts_for
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, User
from haven.people.models import Person
from haven.send import access, details_selectors, permissions, selectors


def social_care_context(person: Person) -> dict[str, Any]:
    today = clock.today()
    legal = facts_for({person.pk}, today).legal.get(person.pk, [])
    worker = (
        Allocation.objects.filter(
            person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        )
        .select_related("worker", "team")
        .first()
    )
    return {"legal": [fact.words for fact in legal], "allocation": worker}


def send_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    if not permissions.may_see_send(user):
        return None
    manages = permissions.may_manage_ehc(user)
    requests = selectors.requests_for_page(record_ids)
    if not requests and not manages:
        return None
    due = selectors.twenty_weeks_due([r.pk for r in requests])
    for r in requests:
        r.due_on = due.get(r.pk)  # type: ignore[attr-defined]
        plan = getattr(r, "plan", None)
        r.plan_now = details_selectors.short(plan)  # type: ignore[attr-defined]
    selectors.review_dates(requests)
    return {
        "person": person,
        "requests": requests,
        "manages": manages and access.holds_send_case(user, person),
        "may_request": manages and all(r.closed for r in requests),
        "social_care": social_care_context(person) if manages else None,
        "user": user,
    }
