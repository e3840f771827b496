"""Pages about a looked-after child's reviews: the IRO records a review (with
recommendations), a visit or midway check, and escalations; the owner of a
recommendation marks it done; the social worker or IRO asks for an early
review. Each opens the child's record (access checked, the read logged)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.models import Escalation, PeriodOfCare, Recommendation, Review
from haven.care.permissions import may_record_care, may_review_care
from haven.care.reviews import between, escalation, forms, guidance, recording
from haven.core.http import AuthenticatedRequest
from haven.core.models import User
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


def _period(
    request: AuthenticatedRequest, pk: int, what: str, allowed: Callable[..., bool]
) -> PeriodOfCare:
    period = get_object_or_404(PeriodOfCare.objects.select_related("person"), pk=pk)
    open_person(request, period.person_id, what)
    if not allowed(request.user):
        raise PermissionDenied("Your role does not include this")
    return period


def _back(person_id: int, message: str, request: AuthenticatedRequest) -> HttpResponse:
    messages.success(request, message)
    return redirect(reverse("people:detail", args=[person_id]) + "#reviews")


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def reviews(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A review due (My work's link): the child's reviews section."""
    period = get_object_or_404(PeriodOfCare, pk=pk)
    open_person(request, period.person_id, "See the child's reviews")
    return redirect(reverse("people:detail", args=[period.person_id]) + "#reviews")


def _owner(pk: str) -> User | None:
    return User.objects.filter(pk=pk).first() if pk.isdigit() else None


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record a review", may_review_care)
    form = forms.ReviewForm(pages.posted(request), child=period.person)
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_review(
            period,
            held_on=form.cleaned_data.get("held_on"),
            participation=form.cleaned_data.get("participation") or "",
            attended=form.cleaned_data.get("attended") or "",
            recommendations=[
                recording.NewRecommendation(text, _owner(owner), due)
                for text, owner, due in form.recommendation_rows()
            ],
            by=request.user,
        ),
    ):
        return _back(period.person_id, "Review recorded", request)
    return pages.page(request, period.person, form, period=period, **guidance.REVIEW)


@policy(Policy.OBJECT, of="care.Recommendation")
def recommendation_done(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Recommendation.objects.select_related("review__period__person"), pk=pk
    )
    person = found.review.period.person
    open_person(request, person.pk, "Mark a recommendation done")
    if not between.may_complete(request.user, found):
        raise PermissionDenied("Only its owner, the IRO or a manager marks it done")
    form = forms.RecommendationDoneForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: between.complete_recommendation(
            found,
            on=form.cleaned_data.get("on"),
            note=form.cleaned_data.get("note") or "",
            by=request.user,
        ),
    ):
        return _back(person.pk, "Recommendation marked done", request)
    return pages.page(request, person, form, recommendation=found, **guidance.DONE)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def iro_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Record an IRO visit or check", may_review_care)
    form = forms.IroContactForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: between.record_iro_contact(
            period,
            kind=form.cleaned_data.get("kind") or "",
            on=form.cleaned_data.get("on"),
            notes=form.cleaned_data.get("notes") or "",
            by=request.user,
        ),
    ):
        return _back(period.person_id, "Recorded", request)
    return pages.page(request, period.person, form, period=period, **guidance.CONTACT)


def _asks_reviews(user: User) -> bool:
    return may_review_care(user) or may_record_care(user)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def early_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Ask for an early review", _asks_reviews)
    form = forms.EarlyReviewForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: between.request_early_review(
            period,
            asked_on=form.cleaned_data.get("on"),
            reason=form.cleaned_data.get("reason") or "",
            by=request.user,
        ),
    ):
        return _back(period.person_id, "Early review asked for", request)
    return pages.page(request, period.person, form, period=period, **guidance.EARLY)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def escalation_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _period(request, pk, "Raise a concern", may_review_care)
    form = forms.EscalationForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: escalation.raise_escalation(
            period,
            on=form.cleaned_data.get("on"),
            concern=form.cleaned_data.get("concern") or "",
            raised_with=form.cleaned_data.get("raised_with") or "",
            by=request.user,
        ),
    ):
        return _back(period.person_id, "Concern recorded", request)
    return pages.page(
        request, period.person, form, period=period, **guidance.ESCALATION
    )


def _escalation(request: AuthenticatedRequest, pk: int, what: str) -> Escalation:
    found = get_object_or_404(
        Escalation.objects.select_related("period__person"), pk=pk
    )
    open_person(request, found.period.person_id, what)
    if not may_review_care(request.user):
        raise PermissionDenied("Only an independent reviewing officer escalates")
    return found


@policy(Policy.OBJECT, of="care.Escalation")
def escalate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _escalation(request, pk, "Escalate a concern")
    form = forms.EscalateForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: escalation.escalate(
            found,
            on=form.cleaned_data.get("on"),
            response=form.cleaned_data.get("response") or "",
            raised_with=form.cleaned_data.get("raised_with") or "",
            by=request.user,
        ),
    ):
        return _back(found.period.person_id, "Concern escalated", request)
    person = found.period.person
    return pages.page(request, person, form, escalation=found, **guidance.ESCALATE)


@policy(Policy.OBJECT, of="care.Escalation")
def resolve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _escalation(request, pk, "Resolve an escalation")
    form = forms.ResolveEscalationForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: escalation.resolve_escalation(
            found,
            on=form.cleaned_data.get("on"),
            outcome=form.cleaned_data.get("outcome") or "",
            by=request.user,
        ),
    ):
        return _back(found.period.person_id, "Escalation resolved", request)
    person = found.period.person
    return pages.page(request, person, form, escalation=found, **guidance.RESOLVE)


@policy(Policy.OBJECT, of="care.Review")
def decisions_circulated(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Review.objects.select_related("period__person"), pk=pk)
    person = found.period.person
    open_person(request, person.pk, "Record a review's decisions sent")
    if not _asks_reviews(request.user):
        raise PermissionDenied("Only the child's IRO or social worker records this")
    form = forms.DecisionsCirculatedForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: between.record_decisions_circulated(
            found, on=form.cleaned_data.get("on"), by=request.user
        ),
    ):
        return _back(person.pk, "Decisions recorded as sent", request)
    return pages.page(request, person, form, review=found, **guidance.CIRCULATED)
