"""Child protection's own roles, beside the core's (haven/core/roles.py): the
conference administrator and the manager of the chairs. Their groups are made
after every migrate (plugin.py), as the core makes its own, so that a flush
between tests (which deletes every group, then signals post_migrate) leaves
them in place as it leaves the core's."""

from typing import Any

from haven.core.roles import Role, sync_role

CONFERENCE_ADMINISTRATOR = Role(
    "conference_administrator",
    "Child protection conference administrator",
    "Arranges child protection conferences and keeps their records.",
    ("view_case_record", "administer_conferences"),
)
IRO_SERVICE_MANAGER = Role(
    "iro_service_manager",
    "IRO service manager",
    "Manages the independent reviewing officers and the child protection "
    "chairs, and sees the chairs' workload.",
    (
        "view_case_record",
        "chair_conferences",
        "review_looked_after",
        "manage_team_cases",
    ),
)
ROLES = (CONFERENCE_ADMINISTRATOR, IRO_SERVICE_MANAGER)


def sync_roles(**_: Any) -> None:
    for role in ROLES:
        sync_role(role)
