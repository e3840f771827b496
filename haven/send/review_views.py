"""SEND pages for a final plan's annual review: the meeting, then the local
authority's decision after it."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.send import forms as send_forms
from haven.send import reviews
from haven.send.models import AnnualReview, EhcPlan
from haven.send.views import _managing, _page, _request_for, _saved


@policy(Policy.OBJECT, of="send.EhcPlan")
def meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _managing(request)  # refused alike whether or not the plan exists
    plan = get_object_or_404(EhcPlan, pk=pk)
    ehc, person = _request_for(request, plan.request_id)
    form = send_forms.ReviewMeetingForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return reviews.record_meeting(
            plan,
            held_on=data["held_on"],
            attended=data["attended"],
            views=data["views"],
            by=request.user,
        )

    if _saved(request, form, save, "Review meeting recorded"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request,
        person,
        form,
        title="Record the annual review meeting",
        submit="Save the meeting",
        ehc=ehc,
    )


@policy(Policy.OBJECT, of="send.AnnualReview")
def decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _managing(request)
    review = get_object_or_404(AnnualReview.objects.select_related("plan"), pk=pk)
    ehc, person = _request_for(request, review.plan.request_id)
    form = send_forms.ReviewDecisionForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return reviews.decide(
            review,
            decision=data["decision"],
            on=data["on"],
            amendments=data["amendments"],
            cease_reason=data["cease_reason"],
            by=request.user,
        )

    if _saved(request, form, save, "Decision recorded"):
        return redirect("send:request", pk=ehc.pk)
    title = f"Decide after the review meeting of {review.held_on:%-d %B %Y}"
    return _page(
        request, person, form, title=title, submit="Save the decision", ehc=ehc
    )
