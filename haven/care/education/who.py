"""Who may record a looked-after child's education: the social workers who
record their care, and the virtual school's officers (a role with its own
permission). Either still needs lasting access to the child's record, which
the virtual school officer has only where a manager allocated them the child
(their case role, haven.core.caseroles): recording gives no access itself."""

from typing import Any

from django.core.exceptions import PermissionDenied

from haven.care.permissions import may_record_care
from haven.core import access, permissions
from haven.core.errors import DomainError, Failures
from haven.core.http import AuthenticatedRequest
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

REFUSED = "Your role does not include recording a child's education"


def may_record_education(user: Any) -> bool:
    return may_record_care(user) or permissions.holds(user, "core.support_education")


def start(child: Person, by: User) -> Failures:
    """Refuse a user who may not record this child's education; the faults
    to gather come after."""
    if not may_record_education(by):
        raise DomainError("not_permitted", REFUSED)
    access.require_lasting_access(by, child)
    return Failures()


def may_record(request: AuthenticatedRequest) -> None:
    if not may_record_education(request.user):
        raise PermissionDenied(REFUSED)


def at_school(child: Person, enrolment: Any, failures: Failures) -> Any:
    """The child's own enrolment the form chose, or a fault saying choose one."""
    if enrolment is None or enrolment.person_id not in record_ids(child):
        failures.add(
            "enrolment_required",
            "Choose the school (record the school first if it is not listed)",
            field="enrolment",
        )
        return None
    return enrolment
