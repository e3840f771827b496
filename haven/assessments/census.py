"""What the children in need census asks of an assessment, checked as the
assessor records it and the manager authorises it.

Sources: the DfE CIN census AssessmentFactors list and its wording (in
haven/core/codelists/data/cin_assessment_factors.json); rules 8869 (factor 21
stands alone), 8898 (no factor twice), 8790 and 8794 (disabilities: NONE alone,
no code twice). Haven's own extra refusals are marked "Local practice" and
switched by a HAVEN_REFUSE_* setting; recording history never meets them.
"""

from django.conf import settings
from django.utils import timezone

from haven.assessments.codes import FACTORS, Factor, Outcome
from haven.assessments.models import Assessment
from haven.core import codelists
from haven.core.errors import Failures
from haven.people.models import Person

# Factor 21's DfE wording: "only use this if there is no evidence of any of the
# factors above and no further action is being taken". Haven reads "no further
# action" as the assessment's outcome: no further action, or a step down to
# early help (no further action by children's social care).
NO_FACTORS_OUTCOMES = (Outcome.NO_FURTHER_ACTION, Outcome.EARLY_HELP)


def year_of(assessment: Assessment, history: bool) -> int:
    """The collection year whose list the factors are checked against: today's
    for what is recorded now; for history, the year it was authorised in (or
    started in, until then)."""
    if not history:
        return codelists.current_year()
    if assessment.authorised_at is not None:
        return codelists.collection_year(timezone.localdate(assessment.authorised_at))
    return codelists.collection_year(assessment.started_on)


def check_factors(
    factors: list[str], *, year: int, history: bool, failures: Failures
) -> None:
    """The factors chosen: from the year's DfE list, each once, 21 alone; and,
    as local practice, none the DfE has deprecated (unless recording history)."""
    if any(not codelists.is_valid(FACTORS, code, year=year) for code in factors):
        failures.add("bad_factor", "Choose factors from the list", field="factors")
    elif len(set(factors)) != len(factors):
        failures.add(
            "duplicate_factor", "Choose each factor only once", field="factors"
        )
    elif Factor.NONE in factors and len(factors) > 1:
        failures.add(
            "none_alone",
            "Choose 'No factors identified' on its own, or the factors found",
            field="factors",
        )
    elif settings.HAVEN_REFUSE_DEPRECATED_FACTORS and not history:
        held = codelists.code_list(FACTORS)
        for code in factors:
            entry = held.entry(code, year)
            if entry is not None and entry.deprecated_in(year):
                failures.add(
                    "deprecated_factor",
                    f"Local practice, not a DfE rule: factor {code} is deprecated "
                    f"({entry.deprecated_by}). Choose the factor that replaces it",
                    field="factors",
                )


def check_no_factors_outcome(factors: list[str], outcome: str, found: Failures) -> None:
    """Factor 21 only with an outcome of no further action or early help."""
    if Factor.NONE in (factors or []) and outcome not in NO_FACTORS_OUTCOMES:
        found.add(
            "no_factors_outcome",
            "Choose 'No factors identified' (21) only when the outcome is no "
            "further action or early help: the DfE's children in need census "
            "says to use factor 21 only if there is no evidence of any factor "
            "and no further action is being taken",
            field="factors",
        )


def disability_fault(codes: list[str]) -> str:
    """What is wrong with a child's disability answer for the census, or ""."""
    if not codes:
        return (
            "Record the child's disabilities, or 'No disability', on their "
            "details before the assessment is authorised: the children in need "
            "census asks for them"
        )
    if "NONE" in codes and len(codes) > 1:
        return (
            "The child's details give 'No disability' with a disability: correct "
            "them before the assessment is authorised (census rule 8790)"
        )
    if len(set(codes)) != len(codes):
        return (
            "The child's details give a disability twice: correct them before "
            "the assessment is authorised (census rule 8794)"
        )
    return ""


def check_disabilities(person: Person, failures: Failures) -> None:
    """The census's disability answer (NONE, or one or more codes) is on the
    child's record by the time the assessment is authorised."""
    fault = disability_fault(list(person.disabilities or []))
    if fault:
        failures.add("disabilities_required", fault, field="disabilities")
