"""The Standard Safeguarding Dataset extract for a collection year: every
table's rows from the records (haven.returns.ssd's modules), then one CSV per
SSD table, each with its header row whether or not it has rows."""

from haven.returns.registry import Built
from haven.returns.ssd import (
    care,
    outcomes,
    people,
    protection,
    referrals,
    send,
    visits,
    workers,
)
from haven.returns.ssd.scope import Rows, Scope, scope_of
from haven.returns.ssd.tables import COLUMNS, csv_bytes, file_name


def _casework(scope: Scope) -> dict[str, Rows]:
    assessments, factors = referrals.assessment_rows(scope)
    cp_visits, cla_visits, cin_visits = visits.visit_rows(scope)
    return {
        "ssd_contacts": referrals.contact_rows(scope),
        "ssd_early_help_episodes": referrals.early_help_rows(scope),
        "ssd_cin_episodes": referrals.cin_episode_rows(scope),
        "ssd_cin_assessments": assessments,
        "ssd_assessment_factors": factors,
        "ssd_cin_plans": referrals.cin_plan_rows(scope),
        "ssd_cin_visits": cin_visits,
        "ssd_s47_enquiry": protection.enquiry_rows(scope),
        "ssd_initial_cp_conference": protection.conference_rows(scope),
        "ssd_cp_plans": protection.plan_rows(scope),
        "ssd_cp_visits": cp_visits,
        "ssd_cp_reviews": protection.review_rows(scope),
        "ssd_cla_visits": cla_visits,
    }


def _care(scope: Scope) -> dict[str, Rows]:
    return {
        "ssd_legal_status": care.legal_status_rows(scope),
        "ssd_cla_episodes": care.episode_rows(scope),
        "ssd_cla_placement": care.placement_rows(scope),
        "ssd_cla_reviews": care.review_rows(scope),
        "ssd_cla_previous_permanence": care.previous_permanence_rows(scope),
        "ssd_permanence": care.permanence_rows(scope),
        "ssd_missing": care.missing_episode_rows(scope),
        "ssd_cla_health": outcomes.health_rows(scope),
        "ssd_cla_immunisations": outcomes.immunisation_rows(scope),
        "ssd_sdq_scores": outcomes.sdq_rows(scope),
        "ssd_cla_substance_misuse": outcomes.substance_rows(scope),
        "ssd_cla_convictions": outcomes.conviction_rows(scope),
        "ssd_care_leavers": outcomes.care_leaver_rows(scope),
    }


def _send(scope: Scope) -> dict[str, Rows]:
    requests = send.requests_of(scope)
    named, active, needs = send.plan_rows(scope, requests)
    return {
        "ssd_send": send.send_rows(scope, requests),
        "ssd_ehcp_requests": send.request_rows(scope, requests),
        "ssd_ehcp_assessment": send.assessment_rows(scope, requests),
        "ssd_ehcp_named_plan": named,
        "ssd_ehcp_active_plans": active,
        "ssd_sen_need": needs,
    }


def rows_of(year: int) -> dict[str, Rows]:
    """Every table's rows; a table Haven cannot fill has none."""
    scope = scope_of(year)
    found = {**_casework(scope), **_care(scope), **_send(scope)}
    named = {row["_person"] for rows in found.values() for row in rows}
    persons = people.person_rows(scope, named)
    by_pk = {p.pk: p for p in scope.people.values()}
    involvements = workers.involvement_rows(scope, persons)
    professionals = workers.professional_rows(scope, involvements)
    found.update(
        {
            "ssd_person": persons,
            "ssd_family": people.family_rows(scope, persons),
            "ssd_mother": people.mother_rows(persons),
            "ssd_address": people.address_rows(scope, persons),
            "ssd_disability": people.disability_rows(persons, by_pk),
            "ssd_immigration_status": people.immigration_rows(scope, persons),
            "ssd_linked_identifiers": people.identifier_rows(scope, persons, by_pk),
            "ssd_involvements": involvements,
            "ssd_professionals": professionals,
            "ssd_department": workers.department_rows(involvements, professionals),
        }
    )
    return found


def build(year: int) -> Built:
    found = rows_of(year)
    return Built(
        files={
            file_name(table): csv_bytes(table, found.get(table, []))
            for table in COLUMNS
        },
        person_ids=frozenset(row["_person"] for row in found["ssd_person"]),
    )
