from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core import params
from haven.core.errors import AccessDenied
from haven.core.forms import DateField
from haven.core.http import AuthenticatedRequest
from haven.core.paging import UncountedPage, uncounted_page
from haven.core.route_policy import Policy, policy
from haven.people import (
    finder,
    households,
    lifestage,
    merging,
    responsibility,
    selectors,
    statuses,
)
from haven.people import permissions as rules
from haven.people.models import ParentalResponsibility, Person
from haven.people.results import result_rows
from haven.people.sections import opened, page_reads, sections_for

DAY_MONTH_YEAR = ("day", "month", "year")


@policy(Policy.ROLE, permission="core.view_case_record")
def person_list(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.may_search_records(request.user):
        raise PermissionDenied("Your role does not include reading case records")
    name = params.text(request.GET.get("name"))
    identifier = params.text(request.GET.get("identifier"))
    postcode = params.text(request.GET.get("postcode"))
    born = DateField(required=False, label="Date of birth")
    try:
        date_of_birth = born.clean(
            [request.GET.get(f"date_of_birth_{part}", "") for part in DAY_MONTH_YEAR]
        )
        born_error = ""
    except ValidationError as invalid:
        date_of_birth, born_error = None, invalid.messages[0]
    if name or identifier or postcode or date_of_birth:
        found = finder.search(
            request.user,
            name=name,
            identifier=identifier,
            postcode=postcode,
            date_of_birth=date_of_birth,
        )
        page: Page[Person] | UncountedPage = Paginator(found, 50).get_page(
            request.GET.get("page")
        )
    else:
        visible = selectors.people_visible_to(request.user)
        page = uncounted_page(visible, request.GET.get("page"), 50)
    context = {
        "page": page,
        "rows": result_rows(page.object_list),
        "name": name,
        "identifier": identifier,
        "postcode": postcode,
        "date_of_birth": date_of_birth,
        "born": [request.GET.get(f"date_of_birth_{p}", "") for p in DAY_MONTH_YEAR],
        "born_error": born_error,
        "searched": bool(name or identifier or postcode or date_of_birth),
    }
    return render(request, "people/person_list.html", context)


def open_person(request: AuthenticatedRequest, pk: int, what: str) -> Person:
    """Load a record for a page, logging the read; 403 or 404 as a user expects."""
    try:
        return selectors.person_for(request.user, pk, what=what, route=request.path)
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except Person.DoesNotExist:
        raise Http404 from None


def _attach_responsibility(
    relationships: list[dict[str, Any]], ids: list[int]
) -> list[ParentalResponsibility]:
    """Each relationship row gets the parental responsibility between the two
    people; the local authority's, which no relationship carries, is returned."""
    held = responsibility.responsibility_for(ids)
    for row in relationships:
        other = row["person"].pk
        row["responsibility"] = [r for r in held if other in (r.holder_id, r.child_id)]
    return [r for r in held if r.holder_id is None]


@policy(Policy.PERSON)
def person_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        person, facts = selectors.opened_person(
            request.user, pk, what="Person page", route=request.path
        )
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except Person.DoesNotExist:
        # A merged duplicate's page is its survivor's (asked only here: the
        # record found, it is not one).
        merged = Person.objects.filter(pk=pk).values_list("merged_into", flat=True)
        if survivor := merged.first():
            return redirect("people:detail", pk=survivor)
        raise Http404 from None
    # The page's parts, its sections' and its template's read what they share
    # (the records merged into this one, whether the user may change it) once.
    with page_reads():
        opened(request.user, person, facts)
        return render(request, "people/person_detail.html", _detail(request, person))


def _detail(request: AuthenticatedRequest, person: Person) -> dict[str, Any]:
    ids = selectors.record_ids(person)
    relationships = selectors.relationships_of(person, request.user)
    hidden = {row["person"].pk for row in relationships if row["unnamed"]}
    by_authority = _attach_responsibility(relationships, ids)
    return {
        "person": person,
        "bar": selectors.identity_bar(person),
        "addresses": selectors.addresses_of(person),
        "names": selectors.names_of(person),
        "former_upns": selectors.former_upns_of(person),
        "relationships": relationships,
        "by_authority": by_authority,
        "immigration": statuses.statuses_of(ids),
        "household": households.household_rows(person, request.user),
        "life_stage": lifestage.life_stage(person, ids=ids, hidden=hidden),
        "sections": sections_for(person, request.user, ids),
        "may_record": rules.may_add_people(request.user),
        "merged": list(Person.objects.filter(pk__in=ids[1:])) if ids[1:] else [],
        "merge_requests": merging.pending_for(request.user)
        .filter(Q(duplicate=person) | Q(into=person))
        .exists(),
    }
