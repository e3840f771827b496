"""Who may record a looked-after child's care and keep the providers and carers
they are placed with: the care rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_record_care(user: Any) -> bool:
    """Social workers (and their managers) record a child's periods of care,
    legal statuses and placements; each child's record still needs lasting
    access."""
    return permissions.may_record_casework(user)


def may_see_providers(user: Any) -> bool:
    """The list of providers and carers: anyone who reads children's records
    (to place a child), and finance officers (who will pay them)."""
    return permissions.may_read_case_records(user) or permissions.may_manage_payments(
        user
    )


def may_manage_providers(user: Any) -> bool:
    """Adding and changing providers, their Ofsted registrations and their
    carers: team managers, who approve placements, and finance officers. A
    carer is a person in the register, so linking one also needs lasting access
    to that person's record."""
    return permissions.may_manage_team_cases(user) or permissions.may_manage_payments(
        user
    )


def may_see_whereabouts(user: Any) -> bool:
    """The whereabouts board: anyone who reads children's records; it lists
    only the children each may open."""
    return permissions.may_read_case_records(user)


def may_see_discrepancies(user: Any) -> bool:
    """The list of discrepancies across looked-after children: managers, who
    see that they are put right (each child's page shows its own to anyone who
    may open it)."""
    return permissions.may_manage_team_cases(user)


def may_review_care(user: Any) -> bool:
    """Independent reviewing officers chair a looked-after child's reviews and
    record their visits, midway checks and escalations; each child's record
    still needs lasting access (the IRO's role on the case gives it)."""
    return permissions.holds(user, "core.review_looked_after")
