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
    # The agreement and the words are checked together, every failure named.
    failures = Failures()
    with failures.gather():
        family_agreed_by = _agreement(
            request, family_agreed_on, family_agreed_by, before=completed_on
        )
    with failures.gather():
        strengths = required_text(
            strengths, field="strengths", words="Describe the strengths"
        )
    with failures.gather():
        needs = required_text(needs, field="needs", words="Describe the family's needs")
    with failures.gather():
        analysis = required_text(analysis, field="analysis", words="Give your analysis")
    failures.raise_any()
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
            record_event(
                request,
                "assessment_completed",
                {
                    "assessment": assessment.pk,
                    "started_on": started_on,
                    "family_agreed_on": family_agreed_on,
                    "family_agreed_by": family_agreed_by,
                },
                by=by,
                on=completed_on,
            )
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
