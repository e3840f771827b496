"""The page listing each child a front-door contact's decision named for a
strategy discussion, with the form for each (front_door.py)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from haven.core.access import AccessDenied
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.frontdoor import selectors
from haven.frontdoor.models import Contact
from haven.protection import front_door
from haven.protection.pages import may_record


@policy(Policy.OBJECT, of="frontdoor.Contact")
def contact_strategies(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    may_record(request)
    try:
        contact, named = selectors.contact_for(
            request.user, pk, what="Strategy discussions", route=request.path
        )
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except Contact.DoesNotExist:
        raise Http404 from None
    rows = front_door.to_record(contact, {n.person_id for n in named})
    if not rows:
        raise Http404
    return render(
        request,
        "protection/contact_strategies.html",
        {
            "contact": contact,
            "rows": rows,
            "waiting": sum(1 for r in rows if r.episode and not r.discussion),
            "back": f"?contact={contact.pk}",
        },
    )


def back_to_the_contact(request: AuthenticatedRequest) -> str | None:
    """The contact's list, for a discussion recorded from it while another
    child's still waits."""
    raw = request.GET.get("contact", "")
    if not raw.isdigit():
        return None
    contact = Contact.objects.filter(pk=int(raw)).first()
    if contact is None:
        return None
    rows = front_door.to_record(contact)
    if not any(r.episode and not r.discussion for r in rows):
        return None
    return reverse("protection:contact_strategies", args=[contact.pk])
