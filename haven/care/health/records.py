"""Recording the rest of a looked-after child's health, each fact the SSDA903
OC2 table reads: a dental check, whether immunisations or development checks
are up to date, an SDQ score, substance misuse and an intervention, and an
offence. Each checks the user's role and access, names every fault at once,
writes and journals in one transaction.

An SDQ names the period of care it was completed in, meeting that period's
yearly LAC-SDQ duty (haven/care/plugin.py).

Journal events:
  care.dental_check_recorded        {"dental_check", "checked_on"}
  care.up_to_date_recorded          {"up_to_date", "what", "answer", "checked_on"}
  care.sdq_recorded                 {"sdq", "period", "score", "completed_by",
                                     "completed_on"}
  care.substance_misuse_recorded    {"substance_misuse", "identified_on",
                                     "intervention_offered",
                                     "intervention_received"}
  care.offence_recorded             {"offence", "kind", "on"}
"""

import datetime as dt

from django.db import transaction

from haven.care.health import common
from haven.care.models import (
    DentalCheck,
    Offence,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person

SDQ = "care.sdq_recorded"
HIGHEST_SDQ = 40


def record_dental_check(
    child: Person, *, checked_on: dt.date | None, notes: str = "", by: User
) -> DentalCheck:
    """The child had a dental check on `checked_on`."""
    failures = common.start(child, by)
    common.day_in_care(
        child, checked_on, field="checked_on", what="of the check", failures=failures
    )
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert checked_on is not None
        made = DentalCheck.objects.create(
            person=child, checked_on=checked_on, notes=notes.strip(), recorded_by=by
        )
        common.journal_on(
            child,
            "care.dental_check_recorded",
            {"dental_check": made.pk, "checked_on": checked_on},
            checked_on,
            by,
        )
    return made


def record_up_to_date(
    child: Person, *, what: str, answer: str, checked_on: dt.date | None, by: User
) -> UpToDate:
    """Whether the child's immunisations (or development checks) were up to
    date when someone checked, on `checked_on`."""
    failures = common.start(child, by)
    common.choice(
        what,
        UpToDate.What,
        field="what",
        what="Choose what was checked",
        failures=failures,
    )
    common.choice(
        answer,
        UpToDate.Answer,
        field="answer",
        what="Choose whether they were up to date",
        failures=failures,
    )
    common.day_in_care(
        child, checked_on, field="checked_on", what="it was checked", failures=failures
    )
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert checked_on is not None
        made = UpToDate.objects.create(
            person=child,
            what=what,
            answer=answer,
            checked_on=checked_on,
            recorded_by=by,
        )
        common.journal_on(
            child,
            "care.up_to_date_recorded",
            {
                "up_to_date": made.pk,
                "what": what,
                "answer": answer,
                "checked_on": checked_on,
            },
            checked_on,
            by,
        )
    return made


def _check_score(score: int | None, failures: Failures) -> None:
    if score is None:
        failures.add("score_required", "Enter the total difficulties score", "score")
    elif not 0 <= score <= HIGHEST_SDQ:
        failures.add(
            "score_out_of_range",
            f"The score must be between 0 and {HIGHEST_SDQ}",
            field="score",
        )


def record_sdq(
    child: Person,
    *,
    score: int | None,
    completed_by: str,
    completed_on: dt.date | None,
    by: User,
) -> SdqScore:
    """A Strengths and Difficulties Questionnaire was completed: its total
    difficulties score (0 to 40) and who filled it in."""
    failures = common.start(child, by)
    _check_score(score, failures)
    common.choice(
        completed_by,
        SdqScore.CompletedBy,
        field="completed_by",
        what="Choose who completed the questionnaire",
        failures=failures,
    )
    _, period = common.day_in_care(
        child,
        completed_on,
        field="completed_on",
        what="it was completed",
        failures=failures,
    )
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert score is not None and completed_on is not None and period is not None
        made = SdqScore.objects.create(
            person=child,
            score=score,
            completed_by=completed_by,
            completed_on=completed_on,
            recorded_by=by,
        )
        payload = {
            "sdq": made.pk,
            "period": period.pk,
            "score": score,
            "completed_by": completed_by,
            "completed_on": completed_on,
        }
        common.journal_on(child, SDQ, payload, completed_on, by)
    return made


def record_substance_misuse(
    child: Person,
    *,
    identified_on: dt.date | None,
    intervention_offered: bool,
    intervention_received: bool,
    details: str = "",
    by: User,
) -> SubstanceMisuse:
    """A substance misuse problem was identified, and whether an intervention
    was offered and received."""
    failures = common.start(child, by)
    common.day_in_care(
        child,
        identified_on,
        field="identified_on",
        what="it was identified",
        failures=failures,
    )
    if intervention_received and not intervention_offered:
        failures.add(
            "received_not_offered",
            "An intervention received must have been offered: say it was offered",
            field="intervention_offered",
        )
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert identified_on is not None
        made = SubstanceMisuse.objects.create(
            person=child,
            identified_on=identified_on,
            intervention_offered=intervention_offered,
            intervention_received=intervention_received,
            details=details.strip(),
            recorded_by=by,
        )
        payload = {
            "substance_misuse": made.pk,
            "identified_on": identified_on,
            "intervention_offered": intervention_offered,
            "intervention_received": intervention_received,
        }
        common.journal_on(
            child, "care.substance_misuse_recorded", payload, identified_on, by
        )
    return made


def record_offence(
    child: Person, *, kind: str, on: dt.date | None, details: str = "", by: User
) -> Offence:
    """The child was given a final warning or reprimand, or convicted."""
    failures = common.start(child, by)
    common.choice(
        kind,
        Offence.Kind,
        field="kind",
        what="Choose a final warning, a reprimand or a conviction",
        failures=failures,
    )
    common.day_in_care(child, on, field="on", what="it was given", failures=failures)
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert on is not None
        made = Offence.objects.create(
            person=child, kind=kind, on=on, details=details.strip(), recorded_by=by
        )
        common.journal_on(
            child,
            "care.offence_recorded",
            {"offence": made.pk, "kind": kind, "on": on},
            on,
            by,
        )
    return made
