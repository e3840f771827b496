"""Writes for the single assessment: draft, submit, return, authorise. Each checks
permission and access, validates, changes state and journals its event on the
child's record, in one transaction.

Journal events (all carry "assessment", the assessment's id):
  assessments.assessment_updated     {"assessment", "fields", "before", "after"}
  assessments.assessment_submitted   {"assessment", "outcome"}
  assessments.assessment_returned    {"assessment", "comments"}
  assessments.assessment_authorised  {"assessment", "episode", "outcome",
                                      "delay_reason" (when the manager gave it)}
"""

from typing import Any

from django.db import transaction

from haven.assessments import census
from haven.assessments import permissions as rules
from haven.assessments.codes import (
    EDITABLE,
    SECTION_FIELDS,
    Outcome,
    Status,
)
from haven.assessments.models import Assessment, AssessmentReturn
from haven.assessments.selectors import due_on, holding_team, manages_the_case
from haven.cin import services as cin
from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.versions import check, claim

# What the assessor may change while the assessment is with them.
DRAFT_FIELDS = ("reason", "factors", *SECTION_FIELDS, "outcome", "delay_reason")


def current_values(assessment: Assessment) -> dict[str, Any]:
    """What the assessor's form shows, as saved now (for a refused stale edit)."""
    values = {name: getattr(assessment, name) for name in DRAFT_FIELDS}
    values["primary_need"] = assessment.episode.primary_need
    return values


def _check_open(user: User, assessment: Assessment) -> None:
    access.require_lasting_access(user, assessment.person)


def _may_assess(user: User, assessment: Assessment) -> None:
    if not rules.may_assess(user):
        raise DomainError("not_permitted", "Your role does not include assessments")
    _check_open(user, assessment)


def _may_manage(user: User, assessment: Assessment) -> None:
    if not rules.may_manage_assessments(user):
        raise DomainError(
            "not_permitted", "Only a manager can authorise or return an assessment"
        )
    _check_open(user, assessment)
    if not manages_the_case(user, assessment):
        team = holding_team(assessment)
        raise DomainError(
            "not_the_cases_manager",
            f"Only a manager of {team}, which holds the child's case, can "
            "authorise or return this assessment"
            if team
            else "No team holds the child's case: allocate it before the "
            "assessment is authorised",
        )


def _locked(assessment: Assessment, *, allowed: tuple[str, ...]) -> Assessment:
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("episode", "person")
        .get(pk=assessment.pk)
    )
    if assessment.episode.closed_on is not None:
        raise DomainError(
            "episode_closed", "The child in need episode for this assessment is closed"
        )
    if assessment.status not in allowed:
        raise DomainError(
            "wrong_status",
            f"This assessment is {assessment.get_status_display().lower()}, so it "
            "cannot be changed that way",
        )
    return assessment


def _checked_changes(
    assessment: Assessment, changes: dict[str, Any], *, history: bool
) -> dict[str, Any]:
    """The changes, with the factors as a list; refused, naming every fault, for
    factors outside the year's DfE list (see census.check_factors) or an
    unknown outcome."""
    failures = Failures()
    if "factors" in changes:
        changes = {**changes, "factors": list(changes["factors"])}
        year = census.year_of(assessment, history)
        census.check_factors(
            changes["factors"], year=year, history=history, failures=failures
        )
    if changes.get("outcome") and changes["outcome"] not in Outcome.values:
        failures.add("bad_outcome", "Choose an outcome", field="outcome")
    failures.raise_any()
    return changes


def save_assessment(
    assessment: Assessment,
    changes: dict[str, Any],
    *,
    by: User,
    primary_need: str = "",
    expected_version: int | None = None,
    history: bool = False,
) -> Assessment:
    """Save the assessor's draft: any of the reason, factors, sections and outcome.

    `expected_version` is the version the form was read at: if the assessment
    has been saved since, nothing is saved and `StaleEdit` carries what is.
    `history`: recording a past assessment as it was: its factors are checked
    against the DfE list of its own year, and Haven's local refusals (settings
    HAVEN_REFUSE_*) do not apply."""
    _may_assess(by, assessment)
    changes = _checked_changes(assessment, changes, history=history)
    with transaction.atomic():
        assessment = _locked(assessment, allowed=EDITABLE)
        before = current_values(assessment)
        new_need = primary_need and primary_need != before["primary_need"]
        changed = []
        for name in DRAFT_FIELDS:
            if name not in changes:
                continue
            value = changes[name]
            value = value.strip() if isinstance(value, str) else value
            if before[name] != value:
                setattr(assessment, name, value)
                changed.append(name)
        if not changed and not new_need:
            check(assessment, expected_version, current_values)
            return assessment
        claim(assessment, expected_version, current_values)
        if new_need:
            cin.set_primary_need(assessment.episode, primary_need, by=by)
        if not changed:
            return assessment
        assessment.save()
        # The values too, so text overwritten by a later save can be read back.
        journal.append(
            assessment.person,
            "assessments.assessment_updated",
            {
                "assessment": assessment.pk,
                "fields": changed,
                "before": {name: before[name] for name in changed},
                "after": {name: getattr(assessment, name) for name in changed},
            },
            by=by,
        )
    return assessment


def check_ready(
    assessment: Assessment,
    pending: dict[str, Any] | None = None,
    *,
    primary_need: str = "",
) -> None:
    """Refuse to submit an assessment that lacks what the manager needs, naming
    everything missing at once.

    `pending` holds the assessor's changes not saved yet (as when saving them was
    refused): they are checked as if saved, so one submit reports every fault.
    """
    values = {name: getattr(assessment, name) for name in DRAFT_FIELDS}
    values.update(pending or {})
    failures = Failures()
    with failures.gather():
        _check_complete(assessment, values, primary_need=primary_need)
    # ASSESS-CF: 45 working days at most; "if it takes longer, record the reasons".
    due = due_on(assessment)
    late = due is not None and clock.today() > due
    if late and not str(values["delay_reason"] or "").strip():
        failures.add(
            "delay_reason_required",
            f"The assessment is past its due date ({due:%-d %B %Y}): say why it "
            "took longer",
            field="delay_reason",
        )
    failures.raise_any()


def _check_complete(
    assessment: Assessment,
    values: dict[str, Any] | None = None,
    *,
    primary_need: str = "",
) -> None:
    """Refuse an assessment lacking anything a manager needs, naming all of it."""
    if values is None:
        values = {name: getattr(assessment, name) for name in DRAFT_FIELDS}
    found = Failures()
    required = (
        ("reason", "Say why the child is being assessed"),
        ("analysis", "Write the analysis before submitting the assessment"),
        ("recommendation", "Write the recommendation before submitting"),
    )
    for name, message in required:
        if not str(values[name] or "").strip():
            found.add(f"{name}_required", message, field=name)
    if not values["factors"]:
        found.add(
            "factors_required",
            "Choose the factors the assessment found, or 'No factors identified'",
            field="factors",
        )
    if not values["outcome"]:
        found.add(
            "outcome_required", "Choose the outcome you recommend", field="outcome"
        )
    if not (primary_need or assessment.episode.primary_need):
        found.add(
            "need_required",
            "Choose the child's primary need (N9 if the child is not in need)",
            field="primary_need",
        )
    census.check_no_factors_outcome(values["factors"], values["outcome"], found)
    found.raise_any()


def submit_assessment(
    assessment: Assessment, *, by: User, expected_version: int | None = None
) -> Assessment:
    """Send the assessment to a manager for authorisation: the version read,
    if given, so what is sent is what the assessor last saw."""
    _may_assess(by, assessment)
    with transaction.atomic():
        assessment = _locked(assessment, allowed=EDITABLE)
        claim(assessment, expected_version, current_values)
        check_ready(assessment)
        assessment.status = Status.SUBMITTED
        assessment.submitted_at = clock.now()
        assessment.submitted_by = by
        assessment.save()
        journal.append(
            assessment.person,
            "assessments.assessment_submitted",
            {"assessment": assessment.pk, "outcome": assessment.outcome},
            by=by,
        )
    return assessment


def return_assessment(
    assessment: Assessment,
    *,
    comments: str,
    by: User,
    expected_version: int | None = None,
) -> AssessmentReturn:
    """A manager sends the assessment back to the assessor with what to change."""
    _may_manage(by, assessment)
    comments = comments.strip()
    if not comments:
        raise DomainError(
            "comments_required",
            "Say what needs to change before you can authorise it",
            field="comments",
        )
    with transaction.atomic():
        assessment = _locked(assessment, allowed=(Status.SUBMITTED,))
        claim(assessment, expected_version, current_values)
        assessment.status = Status.RETURNED
        assessment.save()
        returned = AssessmentReturn.objects.create(
            assessment=assessment,
            comments=comments,
            returned_at=clock.now(),
            returned_by=by,
        )
        journal.append(
            assessment.person,
            "assessments.assessment_returned",
            {"assessment": assessment.pk, "comments": comments},
            by=by,
        )
    return returned


def _check_late(assessment: Assessment, given: str) -> None:
    """A late assessment is authorised only with its reasons for the delay: the
    census counts completion at authorisation, so a delay may arise after it was
    submitted on time (ASSESS-CF: "if it takes longer, record the reasons")."""
    due = due_on(assessment)
    late = due is not None and clock.today() > due
    if late and not (given or assessment.delay_reason.strip()):
        raise DomainError(
            "delay_reason_required",
            f"The assessment is past its due date ({due:%-d %B %Y}): give the "
            "reasons for the delay to authorise it",
            field="delay_reason",
        )


def authorise_assessment(
    assessment: Assessment,
    *,
    by: User,
    delay_reason: str = "",
    expected_version: int | None = None,
) -> Assessment:
    """A manager (not the assessor) authorises the assessment and its outcome.

    Authorising never closes the episode: an outcome such as no further action
    or early help only proposes a reason for closure (codes.PROPOSED_CLOSURE),
    and the worker closes the episode choosing the reason (cin.close_episode).
    """
    _may_manage(by, assessment)
    with transaction.atomic():
        assessment = _locked(assessment, allowed=(Status.SUBMITTED,))
        if assessment.submitted_by_id == by.pk:
            raise DomainError(
                "own_assessment",
                "Another manager must authorise an assessment you submitted",
            )
        # The manager authorises what they read, not a resubmission since.
        claim(assessment, expected_version, current_values)
        failures = Failures()
        with failures.gather():
            _check_complete(assessment)
        census.check_disabilities(assessment.person, failures)
        failures.raise_any()
        delay_reason = delay_reason.strip()
        _check_late(assessment, delay_reason)
        if delay_reason:
            assessment.delay_reason = delay_reason
        assessment.status = Status.AUTHORISED
        assessment.authorised_at = clock.now()
        assessment.authorised_by = by
        assessment.save()
        journal.append(
            assessment.person,
            "assessments.assessment_authorised",
            {
                "assessment": assessment.pk,
                "episode": assessment.episode_id,
                "outcome": assessment.outcome,
                **({"delay_reason": delay_reason} if delay_reason else {}),
            },
            by=by,
            significant=True,
        )
    return assessment
