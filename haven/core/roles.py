"""The roles of children's services staff, as Django groups with permissions.

This list is the definition; `sync_roles` makes the database agree with it after
every migrate. Later capabilities add their permissions to the roles here.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    summary: str
    permissions: tuple[str, ...]
    # The role's own work that Haven does not do yet, in words: said on the home
    # page and My work, so an empty page is explained rather than left blank.
    still_to_come: str = ""


CASEWORK = ("view_case_record", "record_casework")

# What the administration pages need: Django's model permissions on staff and
# teams, and sight of the roles (a role's permissions are this module's to set,
# so the admin shows them but cannot change them). No case model is registered
# in the admin, so none of these opens a child's record. Staff are made inactive,
# never deleted: the journal names who recorded each event.
ADMINISTRATION = (
    "manage_reference_data",
    "view_user",
    "add_user",
    "change_user",
    "view_team",
    "add_team",
    "change_team",
    "auth.view_group",
    # Sign-in locks: an administrator sees them and unlocks (deletes) them.
    "view_signinlock",
    "delete_signinlock",
    # The information governance report: who was refused which records, and
    # who used break-glass, across the authority. It shows Haven IDs, never
    # names, so an administrator who does not read case records learns none.
    "review_access",
)

ROLES: tuple[Role, ...] = (
    Role(
        "social_worker",
        "Social worker",
        "Holds a caseload of children and records the work with them.",
        CASEWORK,
    ),
    Role(
        "team_manager",
        "Team manager",
        "Allocates the team's cases and records management oversight.",
        (*CASEWORK, "manage_team_cases"),
    ),
    Role(
        "service_manager",
        "Service manager",
        "Oversees the teams of a service.",
        (*CASEWORK, "manage_team_cases", "view_performance"),
    ),
    Role(
        "front_door_worker",
        "Front door (MASH) worker",
        "Records contacts and decides what happens next.",
        ("view_case_record", "record_contacts"),
    ),
    Role(
        "early_help_worker",
        "Early help worker",
        "Works with families who need early help.",
        ("view_case_record", "record_early_help"),
    ),
    Role(
        "independent_reviewing_officer",
        "Independent reviewing officer",
        "Chairs looked-after children's reviews and checks their care plans.",
        ("view_case_record", "review_looked_after"),
    ),
    Role(
        "adoption_worker",
        "Adoption worker",
        "Plans, matches and places children for adoption; reads the sealed "
        "adoption record (the adopters' identity and address).",
        (*CASEWORK, "care.manage_adoption"),
    ),
    Role(
        "virtual_school_officer",
        "Virtual school officer",
        "Promotes the education of children in care: their PEPs, schools, "
        "attendance and exclusions, for the children allocated to them.",
        ("view_case_record", "support_education"),
    ),
    Role(
        "cp_chair",
        "Child protection chair",
        "Chairs child protection conferences.",
        ("view_case_record", "chair_conferences"),
    ),
    Role(
        "finance_officer",
        "Finance officer",
        "Pays carers and providers for placements.",
        ("manage_payments",),
        "Placement payments' adjustments and recoveries, provider invoices, "
        "forecasts and budgets, bank details and remittance advice are not in "
        "Haven yet: rates and payment runs are, under Payments.",
    ),
    Role(
        "send_officer",
        "SEND officer",
        "Manages EHC needs assessments and plans.",
        ("manage_ehc_plans",),
    ),
    Role(
        "performance_analyst",
        "Performance analyst",
        "Produces performance reports and the statutory returns.",
        ("view_performance",),
        "Data quality reports, the Standard Safeguarding Dataset and national "
        "comparisons are not in Haven yet; the performance dashboards are "
        "(Performance, /reporting/), and so are the statutory returns: the CIN "
        "census, SSDA903, SEN2 and Ofsted's Annex A (Statutory returns, /returns/).",
    ),
    Role(
        "administrator",
        "Administrator",
        "Manages staff accounts, teams and reference data; does not read case records.",
        ADMINISTRATION,
    ),
)

ROLES_BY_KEY = {role.key: role for role in ROLES}
ROLES_BY_NAME = {role.name: role for role in ROLES}


def _permission_filter(names: tuple[str, ...]) -> Q:
    # "codename" is one of Haven's (app core); "app.codename" names another app's.
    found = Q(pk__in=[])
    for name in names:
        app_label, _, codename = name.rpartition(".")
        found |= Q(content_type__app_label=app_label or "core", codename=codename)
    return found


def sync_roles(**_: Any) -> None:
    """Create each role's group and give it exactly the role's permissions."""
    for role in ROLES:
        sync_role(role)


def sync_role(role: Role) -> None:
    """Make one role's group hold exactly the role's permissions: also for a
    capability's own roles, which it syncs after migrate as the core does."""
    group, _created = Group.objects.get_or_create(name=role.name)
    perms = Permission.objects.filter(_permission_filter(role.permissions))
    group.permissions.set(perms)


def group_names(user: Any) -> list[str]:
    """The names of the user's groups, read once per user object (so once per
    request: the page frame and the home page both ask)."""
    cached: list[str] | None = getattr(user, "_haven_group_names", None)
    if cached is None:
        cached = [group.name for group in user.groups.all()]
        user._haven_group_names = cached
    return cached


def roles_of(user: Any) -> list[Role]:
    names = set(group_names(user))
    return [role for role in ROLES if role.name in names]


# Roles that record about children: social work, the front door and early help.
# Any of them may add a person, refer, or ask for early help.
RECORDING_PERMISSIONS = ("record_casework", "record_contacts", "record_early_help")


def records_about_children(user: Any) -> bool:
    from haven.core.permissions import may_record_about_children

    return may_record_about_children(user)
