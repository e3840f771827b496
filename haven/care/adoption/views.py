"""The adoption pages, one form each, reached from the "Adoption" section of
the child's page. The match, placement and order pages are the adoption
team's only; the page's error summary never repeats the adopters."""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.care import pages
from haven.care.adoption import decisions, forms, guidance, sealed
from haven.care.adoption.permissions import may_manage_adoption, may_plan_adoption
from haven.care.models import PeriodOfCare
from haven.care.selectors import open_period
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


def _period(
    request: AuthenticatedRequest, pk: int, what: str, *, sealed_page: bool
) -> PeriodOfCare:
    person = open_person(request, pk, what)
    allowed = may_manage_adoption if sealed_page else may_plan_adoption
    if not allowed(request.user):
        raise PermissionDenied("Your role does not include recording adoption")
    period = open_period(person)
    if period is None:
        raise Http404("The child is not looked after")
    return period


def _form_page(
    request: AuthenticatedRequest,
    period: PeriodOfCare,
    form: django_forms.Form,
    write: Callable[[dict[str, Any]], object],
    step: guidance.Step,
) -> HttpResponse:
    if request.method == "POST" and pages.done(form, lambda: write(form.cleaned_data)):
        messages.success(request, step.done)
        return redirect(reverse("people:detail", args=[period.person_id]) + "#adoption")
    return pages.page(
        request,
        period.person,
        form,
        heading=step.heading,
        guidance=step.guidance,
        source=step.source,
        button=step.button,
    )


@policy(Policy.PERSON)
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record an adoption decision", sealed_page=False)
    return _form_page(
        request,
        period,
        forms.DecisionForm(pages.posted(request)),
        lambda d: decisions.decide_adoption(
            period,
            decided_on=d.get("decided_on"),
            decision_maker=d.get("decision_maker") or "",
            by=request.user,
        ),
        guidance.DECIDE,
    )


@policy(Policy.PERSON)
def cease(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(
        request, pk, "Record a plan for adoption ending", sealed_page=False
    )
    return _form_page(
        request,
        period,
        forms.CeaseForm(pages.posted(request)),
        lambda d: decisions.cease_adoption_plan(
            period,
            ceased_on=d.get("ceased_on"),
            reason=d.get("reason") or "",
            by=request.user,
        ),
        guidance.CEASE,
    )


@policy(Policy.PERSON)
def match(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record a match with adopters", sealed_page=True)
    return _form_page(
        request,
        period,
        forms.MatchForm(pages.posted(request)),
        lambda d: sealed.match_adopters(
            period,
            sealed.Match(
                names=d.get("names") or "",
                address_line_1=d.get("address_line_1") or "",
                town=d.get("town") or "",
                postcode=d.get("postcode") or "",
                number=d.get("number"),
                sexes=d.get("sexes") or "",
                legal_status=d.get("legal_status") or "",
                foster_carers=bool(d.get("foster_carers")),
            ),
            matched_on=d.get("matched_on"),
            by=request.user,
        ),
        guidance.MATCH,
    )


@policy(Policy.PERSON)
def place(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record a placement for adoption", sealed_page=True)
    return _form_page(
        request,
        period,
        forms.PlaceForm(pages.posted(request)),
        lambda d: sealed.place_for_adoption(
            period,
            placed_on=d.get("placed_on"),
            provider_id=int(d["provider"]) if d.get("provider") else None,
            reason=d.get("reason") or "",
            by=request.user,
        ),
        guidance.PLACE,
    )


@policy(Policy.PERSON)
def order(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record an adoption order", sealed_page=True)
    return _form_page(
        request,
        period,
        forms.OrderForm(pages.posted(request)),
        lambda d: sealed.make_adoption_order(
            period,
            adopted_on=d.get("adopted_on"),
            reason=d.get("reason") or "",
            by=request.user,
        ),
        guidance.ORDER,
    )


@policy(Policy.PERSON)
def permanence(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record previous permanence", sealed_page=False)
    return _form_page(
        request,
        period,
        forms.PermanenceForm(pages.posted(request)),
        lambda d: decisions.record_previous_permanence(
            period,
            code=d.get("code") or "",
            authority=d.get("authority") or "",
            made_on=d.get("made_on"),
            by=request.user,
        ),
        guidance.PERMANENCE,
    )
