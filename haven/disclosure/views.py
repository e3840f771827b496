"""The subject access export: a person's whole record, for a manager to review."""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse

from haven.core.exports import csv_stream
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.disclosure import subject_access
from haven.disclosure.permissions import may_export_for_subject_access
from haven.people.views import open_person


@policy(Policy.PERSON)
def subject_access_export(
    request: AuthenticatedRequest, pk: int
) -> StreamingHttpResponse:
    if not may_export_for_subject_access(request.user):
        raise PermissionDenied("Only managers export a record for subject access")
    person = open_person(request, pk, "Subject access export")
    return csv_stream(
        f"subject-access-{person.pk}.csv", subject_access.rows(person, request.user)
    )
