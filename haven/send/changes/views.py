"""Pages for a plan's changes: each a form saved through its service, back to
the request's page."""

from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.send import plans
from haven.send.changes import amendments, ceasing, disputes, phase, transfers
from haven.send.changes import forms as change_forms
from haven.send.changes.models import Appeal, PhaseTransfer, PlanAmendment
from haven.send.codes import PLAN_SECTIONS
from haven.send.models import AnnualReview, EhcPlan
from haven.send.views import MANAGE, _managing, _page, _request_for, _saved


def _sections(data: dict[str, Any]) -> dict[str, str]:
    return {letter: data[f"section_{letter}"] for letter, _ in PLAN_SECTIONS}


def _form_page(
    request: AuthenticatedRequest,
    request_pk: int,
    form: forms.Form,
    save: Any,
    *,
    done: str,
    title: str,
    submit: str,
) -> HttpResponse:
    ehc, person = _request_for(request, request_pk)
    if _saved(request, form, save, done):
        return redirect("send:request", pk=ehc.pk)
    return _page(request, person, form, title=title, submit=submit, ehc=ehc)


def _plan(request: AuthenticatedRequest, pk: int) -> EhcPlan:
    _managing(request)  # refused alike whether or not the plan exists
    return get_object_or_404(EhcPlan, pk=pk)


@policy(Policy.OBJECT, of="send.EhcPlan")
def amend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Amendments the local authority proposes outside a review."""
    plan = _plan(request, pk)
    form = change_forms.AmendmentForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return amendments.propose(
            plan, proposed=data["proposed"], sent_on=data["sent_on"], by=request.user
        )

    return _form_page(
        request,
        plan.request_id,
        form,
        save,
        done="Proposed amendments sent",
        title="Send proposed amendments to the family",
        submit="Send the amendments",
    )


@policy(Policy.OBJECT, of="send.AnnualReview")
def review_amend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The amendments a review decided, sent to the family."""
    _managing(request)
    review = get_object_or_404(AnnualReview.objects.select_related("plan"), pk=pk)
    form = change_forms.AmendmentForm(
        posted(request), initial={"proposed": review.amendments}
    )

    def save(data: dict[str, Any]) -> Any:
        return amendments.propose(
            review.plan,
            proposed=data["proposed"],
            sent_on=data["sent_on"],
            review=review,
            by=request.user,
        )

    return _form_page(
        request,
        review.plan.request_id,
        form,
        save,
        done="Proposed amendments sent",
        title="Send the review's proposed amendments to the family",
        submit="Send the amendments",
    )


@policy(Policy.OBJECT, of="send.PlanAmendment")
def amendment_issue(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _managing(request)
    amendment = get_object_or_404(
        PlanAmendment.objects.select_related("plan", "transfer"), pk=pk
    )
    plan = amendment.plan
    initial = {
        f"section_{letter}": getattr(plan, f"section_{letter}")
        for letter, _ in PLAN_SECTIONS
    }
    naming = amendment.transfer is not None
    form = change_forms.AmendedPlanForm(posted(request), initial=initial, naming=naming)

    def save(data: dict[str, Any]) -> Any:
        return amendments.issue(
            amendment,
            on=data["on"],
            changes=data["changes"],
            sections=_sections(data),
            named=data.get("urn"),
            by=request.user,
        )

    return _form_page(
        request,
        plan.request_id,
        form,
        save,
        done="Amended plan issued",
        title="Issue the final amended EHC plan",
        submit="Issue the amended plan",
    )


@policy(Policy.OBJECT, of="send.PhaseTransfer")
def transfer_amend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Where the work queue sends a transfer's duty: the amendments naming the
    next school, sent or to send."""
    _managing(request)
    transfer = get_object_or_404(PhaseTransfer, pk=pk)
    _request_for(request, transfer.plan.request_id)
    amendment = getattr(transfer, "amendment", None)
    if amendment is not None:
        return redirect("send:amendment_issue", pk=amendment.pk)
    return redirect("send:amend", pk=transfer.plan_id)


@policy(Policy.OBJECT, of="send.EhcPlan")
def open_transfer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = change_forms.PhaseTransferForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return phase.open_transfer(
            plan,
            phase=data["phase"],
            transfer_year=data["transfer_year"],
            planned_on=data["planned_on"],
            on=data["on"],
            by=request.user,
        )

    return _form_page(
        request,
        plan.request_id,
        form,
        save,
        done="Transfer recorded",
        title="Record a coming transfer",
        submit="Record the transfer",
    )


@policy(Policy.OBJECT, of="send.EhcPlan")
def cease(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = change_forms.CeaseForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return ceasing.cease(plan, by=request.user, **data)

    return _form_page(
        request,
        plan.request_id,
        form,
        save,
        done="Plan ceased",
        title="Cease the EHC plan",
        submit="Cease the plan",
    )


@policy(Policy.ROLE, permission=MANAGE)
def transfer_in(request: AuthenticatedRequest) -> HttpResponse:
    _managing(request)
    form = change_forms.TransferInForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        text = plans.PlanText(
            sections=_sections(data),
            setting=data["urn"],
            primary_need=data["primary_need"],
            secondary_need=data["secondary_need"],
        )
        return transfers.transfer_in(
            data["child"],
            previous_la=data["previous_la"],
            transferred_on=data["on"],
            text=text,
            by=request.user,
        )

    if _saved(request, form, save, "Plan transferred in"):
        return redirect("send:queue")
    context = {"form": form, "title": "Take on a plan from another local authority"}
    return render(request, "send/changes/transfer_in.html", context)


@policy(Policy.OBJECT, of="send.EhcRequest")
def export(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, _person = _request_for(request, pk)
    form = change_forms.ExportForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return transfers.export(ehc, la=data["la"], on=data["on"], by=request.user)

    return _form_page(
        request,
        pk,
        form,
        save,
        done="Request passed on",
        title="Pass the request to another local authority",
        submit="Pass the request on",
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def mediation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, _person = _request_for(request, pk)
    form = change_forms.MediationForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return disputes.record_mediation(ehc, by=request.user, **data)

    return _form_page(
        request,
        pk,
        form,
        save,
        done="Mediation recorded",
        title="Record a mediation",
        submit="Save the mediation",
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def appeal(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, _person = _request_for(request, pk)
    form = change_forms.AppealForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return disputes.register_appeal(ehc, by=request.user, **data)

    return _form_page(
        request,
        pk,
        form,
        save,
        done="Appeal recorded",
        title="Record an appeal to the First-tier Tribunal",
        submit="Save the appeal",
    )


def _appeal(request: AuthenticatedRequest, pk: int) -> Appeal:
    _managing(request)
    return get_object_or_404(Appeal, pk=pk)


@policy(Policy.OBJECT, of="send.Appeal")
def appeal_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _appeal(request, pk)
    form = change_forms.AppealDecisionForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return disputes.decide_appeal(found, by=request.user, **data)

    return _form_page(
        request,
        found.request_id,
        form,
        save,
        done="Tribunal decision recorded",
        title="Record the tribunal's decision",
        submit="Save the decision",
    )


@policy(Policy.OBJECT, of="send.Appeal")
def appeal_comply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _appeal(request, pk)
    form = change_forms.ComplianceForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return disputes.comply(found, by=request.user, **data)

    return _form_page(
        request,
        found.request_id,
        form,
        save,
        done="Order carried out",
        title="Record that the tribunal's order was carried out",
        submit="Save",
    )
