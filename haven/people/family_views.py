"""The family at a glance (a network diagram with its list) and the household
a child lives in, with the page that changes it."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.people import allegations, households, network, selectors
from haven.people import permissions as rules
from haven.people.forms import AllegationForm, HouseholdJoinForm, HouseholdLeaveForm
from haven.people.models import Person, Relationship
from haven.people.views import open_person


@policy(Policy.PERSON)
def family(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Family network")
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "details",
        "network": network.family_network(person, request.user),
        "household": households.household_rows(person, request.user),
        "box": {"width": network.BOX_WIDTH, "height": network.BOX_HEIGHT},
        "may_record": rules.may_add_people(request.user),
    }
    return render(request, "people/family.html", context)


def _choices(request: AuthenticatedRequest, person: Person) -> dict[str, Any]:
    """Who may be added (relatives and people at the same address whose
    records the user opens, not yet members) and who may be taken off."""
    members = {m.pk for m in households.members_of(person)}
    related = {row["person"].pk for row in selectors.relationships_of(person)}
    nearby = set(households.at_the_same_address(person).values_list("pk", flat=True))
    offered = selectors.people_visible_to(request.user).filter(
        pk__in=(related | nearby) - members - {person.pk}
    )
    present = households.household_rows(person, request.user)
    return {
        "join": [(str(p.pk), _described(p, p.pk in nearby)) for p in offered],
        "leave": [
            (str(row["person"].pk), str(row["person"]))
            for row in present
            if row["may_open"]
        ],
        "present": present,
    }


def _described(person: Person, nearby: bool) -> str:
    born = f"born {person.date_of_birth:%-d %B %Y}" if person.date_of_birth else ""
    where = "recorded at the same address" if nearby else ""
    details = ", ".join(part for part in (born, where) if part)
    return f"{person} ({details})" if details else str(person)


def _chosen(request: AuthenticatedRequest, ids: list[str]) -> list[Person]:
    return list(
        selectors.people_visible_to(request.user).filter(pk__in=[int(i) for i in ids])
    )


@policy(Policy.PERSON)
def household(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not rules.may_add_people(request.user):
        raise PermissionDenied("Your role does not include recording")
    person = open_person(request, pk, "Change the household")
    choices = _choices(request, person)
    data = posted(request)
    joining = data if data is not None and "join" in data else None
    leaving = data if data is not None and "leave" in data else None
    join = HouseholdJoinForm(joining, choices=choices["join"], prefix="join")
    leave = HouseholdLeaveForm(leaving, choices=choices["leave"], prefix="leave")
    form, done = (join, "added.") if joining else (leave, "taken off.")
    if (joining or leaving) and form.is_valid():
        try:
            _change(request, person, form)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, f"Household changed: {done}")
            return redirect("people:detail", pk=pk)
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "details",
        "join": join,
        "leave": leave,
        "present": choices["present"],
    }
    return render(request, "people/household.html", context)


def _change(request: AuthenticatedRequest, person: Person, form: Any) -> None:
    data = form.cleaned_data
    if isinstance(form, HouseholdJoinForm):
        members = _chosen(request, data["members"])
        households.add_to_household(person, members=members, by=request.user)
    else:
        members = _chosen(request, data["leaving"])
        households.remove_from_household(
            person, members=members, reason=data["reason"], by=request.user
        )


@policy(Policy.PERSON)
def allegation(request: AuthenticatedRequest, pk: int, link: int) -> HttpResponse:
    """Mark (or unmark) a relative as alleged to have harmed the child: only a
    relationship recorded on the child's record, to someone the user may open."""
    if not rules.may_add_people(request.user):
        raise PermissionDenied("Your role does not include recording")
    person = open_person(request, pk, "Record an allegation")
    visible = selectors.people_visible_to(request.user)
    found = Relationship.objects.filter(
        pk=link, person_id__in=selectors.record_ids(person), other__in=visible
    ).select_related("person", "other")
    relationship = found.first()
    if relationship is None:
        raise Http404
    form = AllegationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            allegations.record_allegation(
                relationship,
                alleged=form.cleaned_data["alleged"] == "yes",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Allegation recorded on both records.")
            return redirect("people:family", pk=pk)
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "details",
        "form": form,
        "title": f"Is {relationship.other} alleged to have harmed "
        f"{relationship.person.given_name}?",
    }
    return render(request, "people/record_form.html", context)
