"""Pages for the single assessment: the assessor's form and the manager's
decision on the same page, and the team's list awaiting authorisation."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.assessments import census, selectors, services
from haven.assessments import permissions as rules
from haven.assessments.codes import (
    CLOSING_OUTCOMES,
    Factor,
    Outcome,
    Status,
)
from haven.assessments.forms import (
    AssessmentForm,
    AuthoriseForm,
    ReturnForm,
    StartAssessmentForm,
)
from haven.assessments.models import Assessment
from haven.assessments.starting import start_assessment
from haven.cin.models import CinEpisode
from haven.core.conflicts import (
    CONFLICT_STATUS,
    Conflict,
    move_version,
    show_conflict,
)
from haven.core.errors import AccessDenied, DomainError
from haven.core.forms import show_errors, show_refusal
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.core.versions import StaleEdit
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person
from haven.timescales.catalogue import rule


def _initial(assessment: Assessment) -> dict[str, Any]:
    return {**services.current_values(assessment), "version": assessment.version}


@policy(Policy.OBJECT, of="assessments.Assessment")
def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        assessment = selectors.assessment_for(
            request.user, pk, what="Single assessment", route=request.path
        )
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except (Assessment.DoesNotExist, Person.DoesNotExist):
        raise Http404 from None
    person = assessment.person
    user = request.user
    episode_open = assessment.episode.closed_on is None
    may_edit = rules.may_edit(user, assessment)
    may_decide = (
        episode_open
        and assessment.status == Status.SUBMITTED
        and rules.may_authorise(user, assessment)
    )
    form = AssessmentForm(initial=_initial(assessment))
    return_form = ReturnForm(initial={"version": assessment.version})
    authorise_form = AuthoriseForm(initial={"version": assessment.version})
    conflict: Conflict | None = None
    stale = False
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("save", "submit") and may_edit:
            form = AssessmentForm(request.POST)
            done, conflict = _save(request, assessment, form, submit=action == "submit")
            if done:
                return redirect("assessments:detail", pk=pk)
        elif action == "return" and may_decide:
            return_form = ReturnForm(request.POST)
            done, stale = _decide(request, assessment, return_form, action)
            if done:
                return redirect("assessments:detail", pk=pk)
        elif action == "authorise" and may_decide:
            authorise_form = AuthoriseForm(request.POST)
            done, stale = _decide(request, assessment, authorise_form, action)
            if done:
                return redirect("assessments:detail", pk=pk)
        else:
            raise PermissionDenied("You cannot do that to this assessment")
    context = {
        **_detail_context(person, assessment),
        "may_edit": may_edit,
        "may_decide": may_decide,
        "form": form,
        "return_form": return_form,
        "conflict": conflict,
        "authorise_form": authorise_form,
    }
    status = CONFLICT_STATUS if conflict or stale else 200
    return render(request, "assessments/detail.html", context, status=status)


def _detail_context(person: Person, assessment: Assessment) -> dict[str, Any]:
    """What the assessment's page shows whatever the user may do with it."""
    episode_open = assessment.episode.closed_on is None
    return {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "cin",
        "assessment": assessment,
        "episode": assessment.episode,
        "due_on": selectors.due_on(assessment),
        "late_without_reason": (
            selectors.is_late(assessment) and not assessment.delay_reason
        ),
        "rule": rule("ASSESS-CF"),
        "early_decision": rule("ASSESS-EARLY-DECISION"),
        # In the DfE's words, whichever year's list each factor came from.
        "factor_words": [(code, Factor(code).label) for code in assessment.factors],
        # The census's disability answer, needed to authorise: say so, and link
        # to the child's details, before the manager meets the refusal.
        "disability_fault": (
            census.disability_fault(list(person.disabilities or []))
            if assessment.status != Status.AUTHORISED and episode_open
            else ""
        ),
        "outcome_plan": assessment.outcome == Outcome.CIN_PLAN,
        "closing_outcome": assessment.outcome in CLOSING_OUTCOMES,
        "needs_plan": (
            assessment.status == Status.AUTHORISED
            and assessment.outcome == Outcome.CIN_PLAN
            and episode_open
            and not assessment.episode.plans.exists()
        ),
    }


def _save(
    request: AuthenticatedRequest,
    assessment: Assessment,
    form: AssessmentForm,
    *,
    submit: bool,
) -> tuple[bool, Conflict | None]:
    """Save (and submit) the assessor's form: whether it was done, and the
    conflict to show if someone else saved the assessment since it was read."""
    if not form.is_valid():
        return False, None
    data = form.cleaned_data
    changes = {name: data[name] for name in services.DRAFT_FIELDS}
    need = data["primary_need"]
    saved: Assessment | None = None
    try:
        saved = services.save_assessment(
            assessment,
            changes,
            primary_need=need,
            by=request.user,
            expected_version=data["version"],
        )
        if submit:
            services.submit_assessment(
                saved, by=request.user, expected_version=saved.version
            )
    except StaleEdit as stale:
        return False, show_conflict(form, stale)
    except DomainError as err:
        show_errors(err, form)
        if submit:
            # What submitting would also refuse, so it is all reported now.
            show_refusal(
                form, services.check_ready, assessment, changes, primary_need=need
            )
        if saved is not None:
            # The draft was saved, its submission refused: the page carries the
            # version this user's own save made, so the next submit is not
            # taken for someone else's.
            move_version(form, saved.version)
        return False, None
    done = "Assessment submitted for authorisation" if submit else "Draft saved"
    messages.success(request, done)
    return True, None


def _decide(
    request: AuthenticatedRequest,
    assessment: Assessment,
    form: ReturnForm | AuthoriseForm,
    action: str,
) -> tuple[bool, bool]:
    """Return or authorise the assessment as the manager read it: whether it
    was done, and whether it was refused as changed since the page was read."""
    if not form.is_valid():
        return False, False
    data = form.cleaned_data
    try:
        if action == "return":
            services.return_assessment(
                assessment,
                comments=data["comments"],
                by=request.user,
                expected_version=data["version"],
            )
            messages.success(request, "Assessment returned to the assessor")
        else:
            services.authorise_assessment(
                assessment,
                delay_reason=data["delay_reason"],
                by=request.user,
                expected_version=data["version"],
            )
            messages.success(request, "Assessment authorised")
    except StaleEdit as stale:
        # The page shows the assessment as it is now, to read before deciding.
        show_conflict(form, stale)
        return False, True
    except DomainError as err:
        show_errors(err, form)
        return False, False
    return True, False


@policy(Policy.ROLE, permission="core.manage_team_cases")
def awaiting(request: AuthenticatedRequest) -> HttpResponse:
    """The assessments a manager may authorise, oldest submission first."""
    if not rules.may_manage_assessments(request.user):
        raise PermissionDenied("Only managers authorise assessments")
    rows = [
        {"assessment": a, "due_on": selectors.due_on(a)}
        for a in selectors.awaiting_authorisation(request.user)
    ]
    return render(request, "assessments/awaiting.html", {"rows": rows})


@policy(Policy.OBJECT, of="cin.CinEpisode")
def start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Start a single assessment on the open episode, from its actual start."""
    episode = get_object_or_404(CinEpisode, pk=pk)
    person = open_person(request, episode.person_id, "Start an assessment")
    if not rules.may_assess(request.user):
        raise PermissionDenied("Your role does not include casework")
    if episode.closed_on is not None:
        return redirect("cin:person", pk=person.pk)
    form = StartAssessmentForm()
    if request.method == "POST":
        form = StartAssessmentForm(request.POST)
        if form.is_valid():
            try:
                assessment = start_assessment(
                    episode,
                    started_on=form.cleaned_data["started_on"],
                    by=request.user,
                )
                messages.success(request, "Assessment started")
                return redirect("assessments:detail", pk=assessment.pk)
            except DomainError as err:
                show_errors(err, form)
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "cin",
        "episode": episode,
        "form": form,
        "guidance": rule("ASSESS-CF").description,
    }
    return render(request, "assessments/start.html", context)
