from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from haven.core.errors import AccessDenied
from haven.core.http import AuthenticatedRequest
from haven.people import selectors
from haven.people.models import Person


def person_list(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_case_record"):
        raise PermissionDenied("Your role does not include reading case records")
    people = selectors.people_visible_to(request.user)
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "people/person_list.html", {"page": page})


def person_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        person = selectors.person_for(request.user, pk)
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except Person.DoesNotExist:
        raise Http404 from None
    return render(request, "people/person_detail.html", {"person": person})
