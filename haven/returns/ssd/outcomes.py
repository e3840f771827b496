"""The looked-after outcome tables (health assessments, immunisations, SDQ
scores, substance misuse, convictions) and care leavers, for the children
the SSDA903 reads in the year. Each is read in one query for them all; care
leavers' OC3 fields are the SSDA903's own (haven.returns.ssda903.leavers,
from haven.care.leavers.oc3)."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Max

from haven.care.models import (
    BirthdayContact,
    HealthAssessment,
    Offence,
    PathwayReview,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssda903.leavers import oc3_rows


def _in_year(scope: Scope, model: Any, day: str) -> Iterable[Any]:
    return model.objects.filter(
        person_id__in=list(scope.looked_after.records),
        **{f"{day}__range": (scope.first, scope.last)},
    ).order_by(day, "pk")


def health_rows(scope: Scope) -> Rows:
    return [
        {
            **scope.who(h.person_id, "clah_person_id"),
            "clah_health_check_id": h.pk,
            "clah_health_check_type": h.get_kind_display(),
            "clah_health_check_date": h.completed_on,
            "clah_health_check_status": "Completed",
        }
        for h in _in_year(scope, HealthAssessment, "completed_on")
    ]


def immunisation_rows(scope: Scope) -> Rows:
    """Each check in the year of whether immunisations were up to date."""
    checks = _in_year(scope, UpToDate, "checked_on")
    return [
        {
            **scope.who(c.person_id, "clai_person_id"),
            "clai_immunisations_status": {"yes": "Y", "no": "N"}.get(c.answer, ""),
            "clai_immunisations_status_date": c.checked_on,
        }
        for c in checks
        if c.what == UpToDate.What.IMMUNISATIONS
    ]


def sdq_rows(scope: Scope) -> Rows:
    return [
        {
            **scope.who(s.person_id, "csdq_person_id"),
            "csdq_table_id": s.pk,
            "csdq_sdq_completed_date": s.completed_on,
            "csdq_sdq_score": s.score,
        }
        for s in _in_year(scope, SdqScore, "completed_on")
    ]


def substance_rows(scope: Scope) -> Rows:
    return [
        {
            **scope.who(s.person_id, "clas_person_id"),
            "clas_substance_misuse_id": s.pk,
            "clas_substance_misuse_date": s.identified_on,
            "clas_intervention_received": "Y" if s.intervention_received else "N",
        }
        for s in _in_year(scope, SubstanceMisuse, "identified_on")
    ]


def conviction_rows(scope: Scope) -> Rows:
    return [
        {
            **scope.who(o.person_id, "clac_person_id"),
            "clac_cla_conviction_id": o.pk,
            "clac_cla_conviction_date": o.on,
            "clac_cla_conviction_offence": o.get_kind_display(),
        }
        for o in _in_year(scope, Offence, "on")
    ]


def _latest(scope: Scope, model: Any, day: str, ids: list[int]) -> dict[int, Any]:
    found = (
        model.objects.filter(person_id__in=ids, **{f"{day}__lte": scope.last})
        .values("person_id")
        .annotate(latest=Max(day))
    )
    return {row["person_id"]: row["latest"] for row in found}


def _advisers(scope: Scope, ids: list[int]) -> dict[int, Allocation]:
    """Each young person's personal adviser at 31 March."""
    held = (
        Allocation.objects.filter(
            role=CaseRole.PERSONAL_ADVISER,
            person_id__in=ids,
            started_on__lte=scope.last,
        )
        .exclude(ended_on__lte=scope.last)
        .order_by("started_on", "pk")
    )
    return {a.person_id: a for a in held}


def care_leaver_rows(scope: Scope) -> Rows:
    """The SSDA903's OC3 rows: care leavers at their 17th to 21st birthday."""
    leavers, people = oc3_rows(scope.looked_after)
    ids = [p.pk for p in people]
    scope.read(ids)
    contacted = _latest(scope, BirthdayContact, "contacted_on", ids)
    reviewed = _latest(scope, PathwayReview, "held_on", ids)
    advisers = _advisers(scope, ids)
    rows = []
    for row in leavers:
        pk = row["_person"]
        adviser = advisers.get(pk)
        rows.append(
            {
                **scope.who(pk, "clea_person_id"),
                "clea_table_id": pk,
                "clea_care_leaver_in_touch": row["IN_TOUCH"],
                "clea_care_leaver_latest_contact": contacted.get(pk),
                "clea_care_leaver_accommodation": row["ACCOM"],
                "clea_care_leaver_activity": row["ACTIV"],
                "clea_pathway_plan_review_date": reviewed.get(pk),
                "clea_care_leaver_personal_advisor": adviser.worker_id
                if adviser
                else "",
                "clea_care_leaver_allocated_team": adviser.team_id if adviser else "",
                "clea_care_leaver_worker_id": adviser.worker_id if adviser else "",
            }
        )
    return rows
