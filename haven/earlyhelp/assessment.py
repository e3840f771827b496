"""The early help assessment of the family, with the family's agreement."""

import datetime as dt

from django.db import IntegrityError, transaction

from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpRequest,
)
from haven.earlyhelp.rules import (
    check_allocated,
    checked_date,
    locked,
    may_work,
    record_event,
    required_text,
)


def _no_assessment_yet(request: EarlyHelpRequest) -> None:
    if EarlyHelpAssessment.objects.filter(request=request).exists():
        raise DomainError(
            "assessment_done", "The early help assessment is already complete"
        )


def _dates(
    request: EarlyHelpRequest, started_on: dt.date | None, completed_on: dt.date
) -> dt.date:
    """The day the assessment started (allocation, unless given), checked
    with the day it was completed."""
    assert request.allocated_on is not None
    started_on = started_on or request.allocated_on
    checked_date(
        started_on,
        field="started_on",
        what="the assessment started",
        not_before=request.requested_on,
        not_before_words="the date of the request",
    )
    checked_date(
        completed_on,
        field="completed_on",
        what="the assessment was completed",
        not_before=started_on,
        not_before_words="the date it started",
    )
    return started_on


_WORDS = {
    "strengths": "Describe the strengths",
    "needs": "Describe the family's needs",
    "analysis": "Give your analysis",
}


def _checked(
    request: EarlyHelpRequest,
    words: dict[str, str],
    *,
    agreed_on: dt.date | None,
    agreed_by: str,
    completed_on: dt.date,
) -> dict[str, str]:
    """The family's agreement and the assessment's words, trimmed; every
    failure among them raised at once."""
    failures = Failures()
    checked = {}
    with failures.gather():
        checked["family_agreed_by"] = _agreement(
            request, agreed_on, agreed_by, before=completed_on
        )
    for field, missing in _WORDS.items():
        with failures.gather():
            checked[field] = required_text(words[field], field=field, words=missing)
    failures.raise_any()
    return checked


def complete_assessment(
    request: EarlyHelpRequest,
    *,
    strengths: str,
    needs: str,
    analysis: str,
    family_view: str = "",
    child_view: str = "",
    started_on: dt.date | None = None,
    completed_on: dt.date,
    family_agreed_on: dt.date | None = None,
    family_agreed_by: str = "",
    by: User,
) -> EarlyHelpAssessment:
    """Record the assessment, which the family must have agreed to: early help
    is voluntary."""
    may_work(by, request)
    check_allocated(request)
    _no_assessment_yet(request)
    started_on = _dates(request, started_on, completed_on)
    # The agreement and the words are checked together, every failure named.
    checked = _checked(
        request,
        {"strengths": strengths, "needs": needs, "analysis": analysis},
        agreed_on=family_agreed_on,
        agreed_by=family_agreed_by,
        completed_on=completed_on,
    )
    strengths, needs, analysis = (
        checked["strengths"],
        checked["needs"],
        checked["analysis"],
    )
    family_agreed_by = checked["family_agreed_by"]
    try:
        with transaction.atomic():
            request = locked(request)
            check_allocated(request)
            _no_assessment_yet(request)
            assessment = EarlyHelpAssessment.objects.create(
                request=request,
                strengths=strengths,
                needs=needs,
                family_view=family_view.strip(),
                child_view=child_view.strip(),
                analysis=analysis,
                started_on=started_on,
                completed_on=completed_on,
                family_agreed_on=family_agreed_on,
                family_agreed_by=family_agreed_by,
                completed_by=by,
            )
            _journal(assessment, by=by)
    except IntegrityError:
        # Saved at the same moment by another submit: the database kept one.
        _no_assessment_yet(request)
        raise
    return assessment


def _agreement(
    request: EarlyHelpRequest,
    agreed_on: dt.date | None,
    agreed_by: str,
    *,
    before: dt.date,
) -> str:
    """The family's agreement to the assessment: both facts, named at once."""
    failures = Failures()
    with failures.gather():
        if agreed_on is None:
            raise DomainError(
                "agreement_required",
                "Early help is voluntary: enter the date the family agreed to the "
                "assessment",
                field="family_agreed_on",
            )
        checked_date(
            agreed_on,
            field="family_agreed_on",
            what="the family agreed",
            not_before=request.requested_on,
            not_before_words="the date of the request",
        )
        if agreed_on > before:
            raise DomainError(
                "agreed_after_assessment",
                "The date the family agreed must be on or before the assessment "
                "was completed",
                field="family_agreed_on",
            )
    with failures.gather():
        agreed_by = required_text(
            agreed_by,
            field="family_agreed_by",
            words="Early help is voluntary: enter who in the family agreed to the "
            "assessment",
        )
    failures.raise_any()
    return agreed_by


def _journal(assessment: EarlyHelpAssessment, *, by: User) -> None:
    record_event(
        assessment.request,
        "assessment_completed",
        {
            "assessment": assessment.pk,
            "started_on": assessment.started_on,
            "family_agreed_on": assessment.family_agreed_on,
            "family_agreed_by": assessment.family_agreed_by,
        },
        by=by,
        on=assessment.completed_on,
    )
