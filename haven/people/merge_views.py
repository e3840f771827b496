"""Merge requests: the pages where a manager of the team holding a record
agrees to, or declines, another team's merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core import access
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.models import User
from haven.core.route_policy import Policy, policy
from haven.people import merging
from haven.people import permissions as rules
from haven.people.forms import MergeDecisionForm
from haven.people.models import MergeRequest, Person


def _sides(user: User, request: MergeRequest) -> dict[str, Person | None]:
    """The records of the request the manager may open, to be named; None for
    the others, given by Haven ID only (whose child it is can be the secret)."""
    both = Person.objects.filter(pk__in=[request.duplicate_id, request.into_id])
    named = {p.pk: p for p in access.visible_people(user, both)}
    return {
        "duplicate": named.get(request.duplicate_id),
        "into": named.get(request.into_id),
    }


@policy(Policy.ROLE, permission="core.manage_team_cases")
def merge_requests(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.may_agree_merges(request.user):
        raise PermissionDenied("Only managers agree to merges")
    rows = [
        {"request": r, **_sides(request.user, r)}
        for r in merging.pending_for(request.user)
    ]
    return render(request, "people/merge_requests.html", {"rows": rows})


@policy(Policy.OBJECT, of="people.MergeRequest")
def merge_request(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = merging.pending_for(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404
    form = MergeDecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        try:
            if form.cleaned_data["decision"] == "agree":
                merging.agree(found, by=request.user, note=note)
                messages.success(request, "Agreed: the records are merged")
            else:
                merging.decline(found, by=request.user, note=note)
                messages.success(request, "Declined: the records stay apart")
        except DomainError as refused:
            show_errors(refused, form)
        else:
            return redirect("people:merge_requests")
    context = {"merge": found, **_sides(request.user, found), "form": form}
    return render(request, "people/merge_request.html", context)
