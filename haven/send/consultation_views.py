"""SEND pages for consulting schools and settings at the draft plan stage."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.send import consultation
from haven.send import details_forms as forms
from haven.send.models import Consultation
from haven.send.views import _managing, _page, _request_for, _saved


@policy(Policy.OBJECT, of="send.EhcRequest")
def consult(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    ehc, person = _request_for(request, pk)
    form = forms.ConsultationForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return consultation.consult_setting(
            ehc, school=data["school"], asked_on=data["asked_on"], by=request.user
        )

    if _saved(request, form, save, "Consultation recorded"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request,
        person,
        form,
        title="Consult a school or setting",
        submit="Record the consultation",
        ehc=ehc,
    )


@policy(Policy.OBJECT, of="send.Consultation")
def reply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _managing(request)  # refused alike whether or not the consultation exists
    asked = get_object_or_404(
        Consultation.objects.select_related("establishment"), pk=pk
    )
    ehc, person = _request_for(request, asked.request_id)
    form = forms.ConsultationReplyForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return consultation.record_reply(
            asked,
            replied_on=data["replied_on"],
            answer=data["answer"],
            reply=data["reply"],
            by=request.user,
        )

    if _saved(request, form, save, "Reply recorded"):
        return redirect("send:request", pk=ehc.pk)
    return _page(
        request,
        person,
        form,
        title=f"{asked.establishment.name}'s reply",
        submit="Save the reply",
        ehc=ehc,
    )
