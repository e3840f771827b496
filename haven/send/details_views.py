"""SEND pages for an EHC plan's details: its named settings, its personal
budget and residential and work-based codes, and the child's placements."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.send import details, details_placements
from haven.send import details_forms as forms
from haven.send.models import EhcPlan, PlanArrangements, SendPlacement
from haven.send.views import _managing, _page, _request_for, _saved


def _plan_for(request: AuthenticatedRequest, pk: int) -> tuple[EhcPlan, Any]:
    _managing(request)  # refused alike whether or not the plan exists
    plan = get_object_or_404(EhcPlan, pk=pk)
    ehc, person = _request_for(request, plan.request_id)
    return plan, person


@policy(Policy.OBJECT, of="send.EhcPlan")
def named_setting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _plan_for(request, pk)
    form = forms.NamedSettingForm(posted(request), initial={"rank": 1})

    def save(data: dict[str, Any]) -> Any:
        return details.name_setting(
            plan, rank=data["rank"], given=form.given(), by=request.user
        )

    if _saved(request, form, save, "Setting named"):
        return redirect("send:request", pk=plan.request_id)
    return _page(
        request,
        person,
        form,
        title="Name a school or setting in the plan",
        submit="Name the setting",
        ehc=plan.request,
    )


@policy(Policy.OBJECT, of="send.EhcPlan")
def arrangements(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _plan_for(request, pk)
    row = PlanArrangements.objects.filter(plan=plan).first()
    initial = (
        {name: getattr(row, name) for name in forms.ArrangementsForm.base_fields}
        if row
        else {}
    )
    form = forms.ArrangementsForm(posted(request), initial=initial)

    def save(data: dict[str, Any]) -> Any:
        return details.record_arrangements(plan, given=form.given(), by=request.user)

    if _saved(request, form, save, "Personal budget and codes recorded"):
        return redirect("send:request", pk=plan.request_id)
    return _page(
        request,
        person,
        form,
        title="Personal budget, residential and work-based learning",
        submit="Save",
        ehc=plan.request,
    )


@policy(Policy.OBJECT, of="send.EhcPlan")
def placement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _plan_for(request, pk)
    form = forms.PlacementForm(posted(request), initial={"rank": 1})

    def save(data: dict[str, Any]) -> Any:
        return details_placements.record_placement(
            plan,
            rank=data["rank"],
            given=form.given(),
            entered_on=data["entered_on"],
            left_on=data["left_on"],
            residential=data["residential"],
            work_based=data["work_based"],
            by=request.user,
        )

    if _saved(request, form, save, "Placement recorded"):
        return redirect("send:request", pk=plan.request_id)
    return _page(
        request,
        person,
        form,
        title="Record where the child is placed",
        submit="Record the placement",
        ehc=plan.request,
    )


@policy(Policy.OBJECT, of="send.SendPlacement")
def leaving(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _managing(request)
    placement = get_object_or_404(SendPlacement.objects.select_related("plan"), pk=pk)
    plan, person = _plan_for(request, placement.plan_id)
    form = forms.LeavingForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return details_placements.end_placement(
            placement, left_on=data["left_on"], by=request.user
        )

    if _saved(request, form, save, "Leaving date recorded"):
        return redirect("send:request", pk=plan.request_id)
    return _page(
        request,
        person,
        form,
        title=f"The child leaves {placement.where}",
        submit="Save the leaving date",
        ehc=plan.request,
    )
