"""The lead practitioner: who coordinates a family's early help. Often someone
outside the council (a school's pastoral lead, a health visitor, a voluntary
organisation's family worker), so recorded in words; or a member of staff.

Journal event (on each child's record):
  earlyhelp.lead_recorded  {"request", "name", "role", "organisation", "staff_id"}
"""

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.earlyhelp import rules
from haven.earlyhelp.models import EarlyHelpRequest


def record_lead(
    request: EarlyHelpRequest,
    *,
    staff: User | None = None,
    name: str = "",
    role: str = "",
    organisation: str = "",
    by: User,
) -> EarlyHelpRequest:
    """Record (or change) the lead practitioner. A member of staff brings their
    name and team unless other words are given; someone outside the council
    needs a name, a role and an organisation."""
    rules.may_work(by, request)
    rules.check_not_closed(request)
    name, role, organisation = name.strip(), role.strip(), organisation.strip()
    if staff is not None:
        name = name or staff.get_full_name() or staff.get_username()
        group = staff.groups.order_by("name").first()
        role = role or (group.name if group else "")
        organisation = organisation or (
            f"The council: {staff.team.name}" if staff.team else "The council"
        )
    _check_lead(name, role, organisation)
    with transaction.atomic():
        request = rules.locked(request)
        rules.check_not_closed(request)
        request.lead_staff = staff
        request.lead_name, request.lead_role = name, role
        request.lead_organisation = organisation
        request.save(
            update_fields=["lead_staff", "lead_name", "lead_role", "lead_organisation"]
        )
        rules.record_event(
            request,
            "lead_recorded",
            {
                "name": name,
                "role": role,
                "organisation": organisation,
                "staff_id": staff.pk if staff else None,
            },
            by=by,
            on=clock.today(),
        )
    return request


def _check_lead(name: str, role: str, organisation: str) -> None:
    failures = Failures()
    if not name:
        failures.add(
            "lead_name_required",
            "Enter the lead practitioner's name, or choose them from the staff",
            field="name",
        )
    if not role:
        failures.add(
            "lead_role_required",
            "Enter the lead practitioner's role, for example school nurse",
            field="role",
        )
    if not organisation:
        failures.add(
            "lead_organisation_required",
            "Enter the lead practitioner's organisation, for example the school",
            field="organisation",
        )
    failures.raise_any()
