"""The conference administrator's queue (admin_work.py): the invitations to
send, the records waiting for the chair's sign-off and the signed records to
circulate, each marked done from its row."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core.errors import DomainError
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.core.work import access_filtered, with_flags
from haven.protection import admin_work, administration
from haven.protection.models import ConferenceArrangement
from haven.protection.permissions import may_administer_conferences

SENT = {
    "invitations": (administration.record_invitations_sent, "Invitations sent"),
    "record": (administration.record_circulated, "Signed record circulated"),
}

# The button on a task's row: what it marks sent, in words. (A record waiting
# for the chair's sign-off has none: the chair signs it.)
BUTTONS = {
    admin_work.INVITATIONS: ("invitations", "Invitations sent"),
    admin_work.CIRCULATE: ("record", "Record circulated"),
}


@policy(Policy.ROLE, permission="core.administer_conferences")
def my_administration(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not may_administer_conferences(user):
        raise PermissionDenied("Only conference administrators have this queue")
    if request.method == "POST":
        return _sent(request)
    found = admin_work.tasks([user])
    items = with_flags([task.item() for task in found])
    named = {id(item) for item in access_filtered(user, items)}
    rows = [
        (t, i, BUTTONS.get(t.kind))
        for t, i in zip(found, items, strict=True)
        if id(i) in named
    ]
    groups = [
        (kind, f"group-{n}", [row for row in rows if row[0].kind == kind])
        for n, kind in enumerate(admin_work.KINDS)
    ]
    return render(
        request,
        "protection/administration.html",
        {"groups": groups, "not_named": len(items) - len(rows)},
    )


def _sent(request: AuthenticatedRequest) -> HttpResponse:
    """Mark one of the administrator's own conferences' papers sent."""
    what = SENT.get(request.POST.get("sent", ""))
    raw = request.POST.get("arrangement", "")
    booked = ConferenceArrangement.objects.filter(
        pk=int(raw) if raw.isdigit() else 0, administrator=request.user
    ).first()
    if what is None or booked is None:
        raise Http404
    service, words = what
    try:
        service(booked, by=request.user)
    except DomainError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"{words}: {booked.episode.person.full_name}")
    return redirect("protection:administration")
