"""The care plan's and placement plan's pages: each shows its history, every
version with what changed and why, and (for a worker who may record care) a
form for a new version that starts from the version in force."""

from typing import Any

from django import forms
from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.care import pages
from haven.care.models import CarePlan, PeriodOfCare, Placement, PlacementPlan
from haven.care.models.plans import PlanVersion
from haven.care.permissions import may_record_care
from haven.care.plans import guidance, reads, recording
from haven.care.plans.forms import CarePlanForm, PlacementPlanForm
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people import sections
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person

KEPT = ("agreed_on", "what_changed")  # asked afresh for each version


def _rows(version: PlanVersion, form: forms.Form) -> list[tuple[str, str]]:
    """What a version says, under the form's labels."""
    values = model_to_dict(version)
    rows = []
    for name, field in form.fields.items():
        if name in KEPT:
            continue
        value = values.get(name, "")
        if name == "permanence":
            value = version.get_permanence_display() or "Not decided yet"  # type: ignore[attr-defined]
        rows.append((str(field.label), str(value or "")))
    return rows


def _initial(latest: PlanVersion | None, form: type[forms.Form]) -> dict[str, Any]:
    if latest is None:
        return {}
    values = model_to_dict(latest)
    return {k: values[k] for k in form.base_fields if k not in KEPT and k in values}


def _page(
    request: AuthenticatedRequest,
    person: Person,
    form: forms.Form,
    history: list[Any],
    **extra: Any,
) -> HttpResponse:
    shown = [(v, _rows(v, form)) for v in history]
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "details",
        "form": form,
        "history": shown,
        "may_record": _may_record(request, person),
        **extra,
    }
    return render(request, "care/plan.html", context)


def _may_record(request: AuthenticatedRequest, person: Person) -> bool:
    return may_record_care(request.user) and sections.may_change(request.user, person)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def care_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(PeriodOfCare.objects.select_related("person"), pk=pk)
    person = open_person(request, period.person_id, "Care plan")
    history = reads.care_plans(request.user, period)
    latest = history[0] if history else None
    if request.method == "POST":
        pages.may_record(request)
    form = CarePlanForm(
        pages.posted(request), initial=_initial(latest, CarePlanForm), first=not latest
    )
    if request.method == "POST" and pages.done(
        form, lambda: _record_care_plan(request, period, form)
    ):
        messages.success(request, "Care plan recorded")
        return redirect("people:detail", pk=period.person_id)
    return _page(
        request, person, form, history, period=period, **guidance.care_plan_page()
    )


def _record_care_plan(
    request: AuthenticatedRequest, period: PeriodOfCare, form: CarePlanForm
) -> CarePlan:
    data = form.cleaned_data
    return recording.record_care_plan(
        period,
        sections=recording.CarePlanSections(
            **{
                name: data.get(name) or ""
                for name in recording.CarePlanSections.__dataclass_fields__
            }
        ),
        agreed_on=data.get("agreed_on"),
        what_changed=data.get("what_changed") or "",
        by=request.user,
    )


@policy(Policy.OBJECT, of="care.Placement")
def placement_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    placement = get_object_or_404(
        Placement.objects.select_related("period__person", "carer__person"), pk=pk
    )
    person = open_person(request, placement.period.person_id, "Placement plan")
    history = reads.placement_plans(request.user, placement)
    latest = history[0] if history else None
    if request.method == "POST":
        pages.may_record(request)
    initial = _initial(latest, PlacementPlanForm)
    if latest is None and placement.carer is not None:
        initial["agreed_with"] = placement.carer.person.full_name
    form = PlacementPlanForm(pages.posted(request), initial=initial, first=not latest)
    if request.method == "POST" and pages.done(
        form, lambda: _record_placement_plan(request, placement, form)
    ):
        messages.success(request, "Placement plan recorded")
        return redirect("people:detail", pk=placement.period.person_id)
    return _page(
        request,
        person,
        form,
        history,
        placement=placement,
        **guidance.placement_plan_page(),
    )


def _record_placement_plan(
    request: AuthenticatedRequest, placement: Placement, form: PlacementPlanForm
) -> PlacementPlan:
    data = form.cleaned_data
    return recording.record_placement_plan(
        placement,
        sections=recording.PlacementPlanSections(
            **{
                name: data.get(name) or ""
                for name in recording.PlacementPlanSections.__dataclass_fields__
            }
        ),
        agreed_with=data.get("agreed_with") or "",
        agreed_on=data.get("agreed_on"),
        what_changed=data.get("what_changed") or "",
        by=request.user,
    )
