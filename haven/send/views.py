"""SEND pages: the SEND officer's queue, a request and its steps."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.core import access as record_access
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.views import open_person
from haven.send import access as send_access
from haven.send import advice as advice_services
from haven.send import (
    details_selectors,
    permissions,
    plans,
    section,
    selectors,
    services,
)
from haven.send import forms as send_forms
from haven.send.changes import selectors as change_selectors
from haven.send.codes import PLAN_SECTIONS
from haven.send.models import Advice, EhcPlan, EhcRequest

MANAGE = "core.manage_ehc_plans"


def _managing(request: AuthenticatedRequest) -> None:
    if not permissions.may_manage_ehc(request.user):
        raise PermissionDenied("Your role does not include EHC assessments and plans")


def _request_for(request: AuthenticatedRequest, pk: int) -> tuple[EhcRequest, Person]:
    _managing(request)
    ehc = get_object_or_404(EhcRequest, pk=pk)
    person = get_object_or_404(Person, pk=ehc.person_id)
    return ehc, send_access.open_for_send(
        request.user, person, what="EHC needs assessment"
    )


def _saved(
    request: AuthenticatedRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], Any],
    done: str,
) -> bool:
    """POST with a valid form: save through the service, or show its faults."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form.cleaned_data)
    except DomainError as err:
        show_errors(err, form)
        return False
    messages.success(request, done)
    return True


def _page(
    request: AuthenticatedRequest,
    person: Person,
    form: forms.Form,
    *,
    title: str,
    submit: str,
    ehc: EhcRequest | None = None,
) -> HttpResponse:
    context = {
        "person": person,
        "form": form,
        "title": title,
        "submit": submit,
        "ehc": ehc,
    }
    return render(request, "send/form.html", context)


@policy(Policy.ROLE, permission=MANAGE)
def queue(request: AuthenticatedRequest) -> HttpResponse:
    _managing(request)
    context = {
        "rows": selectors.queue(request.user),
        "today": clock.today(),
        "changes_due": change_selectors.due_for(request.user),
    }
    return render(request, "send/queue.html", context)


@policy(Policy.ROLE, permission=MANAGE)
def new_request(request: AuthenticatedRequest) -> HttpResponse:
    _managing(request)
    form = send_forms.RequestForm(
        posted(request), initial={"child": request.GET.get("child")}
    )

    def save(data: dict[str, Any]) -> EhcRequest:
        return services.record_request(
            data["child"],
            received_on=data["received_on"],
            source=data["source"],
            details=data["details"],
            rya=data["rya"],
            by=request.user,
        )

    if _saved(request, form, save, "Request recorded"):
        return redirect("send:queue")
    context = {"form": form, "title": "Record a request for an EHC needs assessment"}
    return render(request, "send/new_request.html", context)


@policy(Policy.OBJECT, of="send.EhcRequest")
def request_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    ehc = selectors.requests_of([ehc.person_id]).get(pk=ehc.pk)
    selectors.review_dates([ehc])
    plan = getattr(ehc, "plan", None)
    context = {
        "person": person,
        "ehc": ehc,
        "plan": plan,
        "sections": [
            (words, getattr(plan, f"section_{letter}"))
            for letter, words in PLAN_SECTIONS
        ]
        if plan
        else [],
        "due": selectors.twenty_weeks_due([ehc.pk]).get(ehc.pk),
        **details_selectors.page_context(ehc, plan),
        "changes": change_selectors.of_request(ehc),
    }
    return render(request, "send/request.html", context)


def _decision_view(
    request: AuthenticatedRequest, pk: int, *, service: Any, title: str, done: str
) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    form = send_forms.DecisionForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return service(
            ehc,
            decision=data["decision"],
            on=data["on"],
            reason=data["reason"],
            by=request.user,
        )

    if _saved(request, form, save, done):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request, person, form, title=title, submit="Save the decision", ehc=ehc
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def decide_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _decision_view(
        request,
        pk,
        service=services.decide_assessment,
        title="Will the child have an EHC needs assessment?",
        done="Decision recorded",
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def decide_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _decision_view(
        request,
        pk,
        service=services.decide_plan,
        title="Will an EHC plan be issued?",
        done="Decision recorded",
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def request_advice(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    form = send_forms.AdviceRequestForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return advice_services.request_advice(
            ehc, kinds=data["kinds"], on=data["on"], by=request.user
        )

    if _saved(request, form, save, "Advice asked for"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request, person, form, title="Ask for advice", submit="Ask for advice", ehc=ehc
    )


@policy(Policy.OBJECT, of="send.Advice")
def advice(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    asked = get_object_or_404(Advice.objects.select_related("request__person"), pk=pk)
    child = asked.request.person
    if record_access.is_secret(child) and not record_access.may_change(
        request.user, child
    ):
        raise Http404  # a restricted child's advice answers as no advice at all
    if not permissions.may_give_advice(request.user, asked):
        raise PermissionDenied("This advice was not asked of you")
    what = "EHC needs assessment advice"
    if permissions.may_manage_ehc(request.user):
        person = send_access.open_for_send(
            request.user, asked.request.person, what=what
        )
    else:
        person = open_person(request, asked.request.person_id, what)
    form = send_forms.AdviceForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return advice_services.record_advice(
            asked,
            received_on=data["received_on"],
            summary=data["summary"],
            by=request.user,
        )

    if _saved(request, form, save, "Advice recorded"):
        if permissions.may_manage_ehc(request.user):
            return redirect("send:request", pk=asked.request_id)
        return redirect("people:detail", pk=person.pk)
    title = f"{asked.get_kind_display()} for the EHC needs assessment"
    back_to = asked.request if permissions.may_manage_ehc(request.user) else None
    return _page(
        request, person, form, title=title, submit="Save the advice", ehc=back_to
    )


def _text(data: dict[str, Any]) -> plans.PlanText:
    return plans.PlanText(
        sections={letter: data[f"section_{letter}"] for letter, _ in PLAN_SECTIONS},
        setting=data["urn"],
        primary_need=data["primary_need"],
        secondary_need=data["secondary_need"],
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def draft(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    form = send_forms.PlanForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return plans.serve_draft(ehc, on=data["on"], text=_text(data), by=request.user)

    if _saved(request, form, save, "Draft plan sent"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request,
        person,
        form,
        title="Send the draft EHC plan",
        submit="Send the draft",
        ehc=ehc,
    )


@policy(Policy.OBJECT, of="send.EhcRequest")
def final(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    plan = get_object_or_404(EhcPlan, request=ehc)
    initial = {
        f"section_{letter}": getattr(plan, f"section_{letter}")
        for letter, _ in PLAN_SECTIONS
    }
    initial.update(
        urn=plan.setting.urn if plan.setting else None,
        primary_need=plan.primary_need,
        secondary_need=plan.secondary_need,
    )
    form = send_forms.FinalPlanForm(posted(request), initial=initial)

    def save(data: dict[str, Any]) -> Any:
        return plans.issue_plan(
            plan,
            on=data["on"],
            text=_text(data),
            exception=data["exception"],
            by=request.user,
        )

    if _saved(request, form, save, "EHC plan issued"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request,
        person,
        form,
        title="Issue the final EHC plan",
        submit="Issue the plan",
        ehc=ehc,
    )


@policy(Policy.PERSON)
def child(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The SEND officer's view of the child: their SEND section and social
    care context, without the rest of the record."""
    _managing(request)
    person = get_object_or_404(Person, pk=pk, merged_into__isnull=True)
    send_access.open_for_send(request.user, person, what="SEND")
    context = {
        "person": person,
        "section": section.send_section(person, request.user, [person.pk]),
    }
    return render(request, "send/child.html", context)
