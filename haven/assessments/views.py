"""Pages for the single assessment: the assessor's form and the manager's
decision on the same page, and the team's list awaiting authorisation."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.assessments import selectors, services
from haven.assessments.codes import CLOSING_OUTCOMES, EDITABLE, Outcome, Status
from haven.assessments.forms import AssessmentForm, AuthoriseForm, ReturnForm
from haven.assessments.models import Assessment
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.forms import show_errors, show_refusal
from haven.core.http import AuthenticatedRequest
from haven.people import selectors as people
from haven.people.views import open_person
from haven.timescales.catalogue import rule


def _initial(assessment: Assessment) -> dict[str, Any]:
    initial = {name: getattr(assessment, name) for name in services.DRAFT_FIELDS}
    initial["primary_need"] = assessment.episode.primary_need
    return initial


def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        assessment = selectors.assessment_with_detail(pk)
    except Assessment.DoesNotExist:
        raise Http404 from None
    person = open_person(request, assessment.person_id, "Single assessment")
    user = request.user
    episode_open = assessment.episode.closed_on is None
    may_edit = (
        episode_open
        and assessment.status in EDITABLE
        and user.has_perm("core.record_casework")
    )
    may_decide = (
        episode_open
        and assessment.status == Status.SUBMITTED
        and selectors.manages_the_case(user, assessment)
        and assessment.submitted_by_id != user.pk
    )
    form = AssessmentForm(initial=_initial(assessment))
    return_form = ReturnForm()
    authorise_form = AuthoriseForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("save", "submit") and may_edit:
            form = AssessmentForm(request.POST)
            if _save(request, assessment, form, submit=action == "submit"):
                return redirect("assessments:detail", pk=pk)
        elif action == "return" and may_decide:
            return_form = ReturnForm(request.POST)
            if return_form.is_valid():
                try:
                    services.return_assessment(
                        assessment,
                        comments=return_form.cleaned_data["comments"],
                        by=user,
                    )
                    messages.success(request, "Assessment returned to the assessor")
                    return redirect("assessments:detail", pk=pk)
                except DomainError as err:
                    show_errors(err, return_form)
        elif action == "authorise" and may_decide:
            authorise_form = AuthoriseForm(request.POST)
            if _authorise(request, assessment, authorise_form):
                return redirect("assessments:detail", pk=pk)
        else:
            raise PermissionDenied("You cannot do that to this assessment")
    due = selectors.due_on(assessment)
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "cin",
        "assessment": assessment,
        "episode": assessment.episode,
        "due_on": due,
        "late_without_reason": clock.today() > due and not assessment.delay_reason,
        "rule": rule("ASSESS-CF"),
        "early_decision": rule("ASSESS-EARLY-DECISION"),
        "may_edit": may_edit,
        "may_decide": may_decide,
        "form": form,
        "return_form": return_form,
        "authorise_form": authorise_form,
        "outcome_plan": assessment.outcome == Outcome.CIN_PLAN,
        "closing_outcome": assessment.outcome in CLOSING_OUTCOMES,
        "needs_plan": (
            assessment.status == Status.AUTHORISED
            and assessment.outcome == Outcome.CIN_PLAN
            and episode_open
            and not assessment.episode.plans.exists()
        ),
    }
    return render(request, "assessments/detail.html", context)


def _authorise(
    request: AuthenticatedRequest, assessment: Assessment, form: AuthoriseForm
) -> bool:
    if not form.is_valid():
        return False
    try:
        services.authorise_assessment(
            assessment,
            delay_reason=form.cleaned_data["delay_reason"],
            by=request.user,
        )
    except DomainError as err:
        show_errors(err, form)
        return False
    messages.success(request, "Assessment authorised")
    return True


def _save(
    request: AuthenticatedRequest,
    assessment: Assessment,
    form: AssessmentForm,
    *,
    submit: bool,
) -> bool:
    if not form.is_valid():
        return False
    data = form.cleaned_data
    changes = {name: data[name] for name in services.DRAFT_FIELDS}
    need = data["primary_need"]
    try:
        saved = services.save_assessment(
            assessment, changes, primary_need=need, by=request.user
        )
    except DomainError as err:
        show_errors(err, form)
        if submit:
            # What submitting would also refuse, so it is all reported now.
            show_refusal(
                form, services.check_ready, assessment, changes, primary_need=need
            )
        return False
    if not submit:
        messages.success(request, "Draft saved")
        return True
    if show_refusal(form, services.submit_assessment, saved, by=request.user):
        return False
    messages.success(request, "Assessment submitted for authorisation")
    return True


def awaiting(request: AuthenticatedRequest) -> HttpResponse:
    """The assessments a manager may authorise, oldest submission first."""
    if not request.user.has_perm("core.manage_team_cases"):
        raise PermissionDenied("Only managers authorise assessments")
    rows = [
        {"assessment": a, "due_on": selectors.due_on(a)}
        for a in selectors.awaiting_authorisation(request.user)
    ]
    return render(request, "assessments/awaiting.html", {"rows": rows})
