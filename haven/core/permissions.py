"""Who may do what: one `may_*` function per permission rule.

A rule is a role's permission, sometimes with a relationship ("manages the team
holding the case"). The same function answers the view (403 or 404, and which
buttons to show), the template (`{% load may %}` then `user|may:"app.rule"`, or a
context value the view computed from it) and the service, which refuses with
`require` when it says no. These are the rules about roles alone; a rule about an
app's own records lives in that app's `permissions.py`. Only these modules call
`User.has_perm` (tests/core/test_permission_rules.py keeps it so).
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Permission

from haven.core.errors import DomainError
from haven.core.roles import RECORDING_PERMISSIONS


def holds(user: Any, *perms: str) -> bool:
    """Whether the user's roles include any of these permissions ("core.x")."""
    return any(user.has_perm(perm) for perm in perms)


def prime(users: Iterable[Any]) -> None:
    """Load many users' permissions in two queries, into the caches Django's
    ModelBackend keeps on each user object: a page about a team asks a rule
    of every worker in it, and one by one that is two queries a worker."""
    active = {user.pk: user for user in users if user.is_active}
    unknown = {pk: u for pk, u in active.items() if not hasattr(u, "_perm_cache")}
    if not unknown:
        return
    found: dict[int, dict[str, set[str]]] = {
        pk: {"user": set(), "group": set()} for pk in unknown
    }
    rows = [
        (
            "user",
            Permission.objects.filter(user__in=unknown).values_list(
                "user", "content_type__app_label", "codename"
            ),
        ),
        (
            "group",
            Permission.objects.filter(group__user__in=unknown).values_list(
                "group__user", "content_type__app_label", "codename"
            ),
        ),
    ]
    for source, query in rows:
        for pk, app_label, codename in query:
            found[pk][source].add(f"{app_label}.{codename}")
    for pk, user in unknown.items():
        user._user_perm_cache = found[pk]["user"]
        user._group_perm_cache = found[pk]["group"]
        user._perm_cache = found[pk]["user"] | found[pk]["group"]


def roles_of(user: Any) -> frozenset[str]:
    """Everything the user's roles allow ("core.x"), as one value: what access
    rules shared between requests are keyed by. A superuser holds every rule."""
    return frozenset(user.get_all_permissions()) | {f"superuser:{user.is_superuser}"}


def require(allowed: bool, message: str) -> None:
    """A service's refusal when a rule says no (code "not_permitted")."""
    if not allowed:
        raise DomainError("not_permitted", message)


def may_read_case_records(user: Any) -> bool:
    """Staff who read children's records (each record still needs a reason)."""
    return holds(user, "core.view_case_record")


def may_record_casework(user: Any) -> bool:
    """Social workers: case notes, assessments, CIN work."""
    return holds(user, "core.record_casework")


def may_record_contacts(user: Any) -> bool:
    """Front door staff, who record contacts."""
    return holds(user, "core.record_contacts")


def may_record_early_help(user: Any) -> bool:
    return holds(user, "core.record_early_help")


def may_manage_payments(user: Any) -> bool:
    """Finance officers: placement payments, and the providers they pay."""
    return holds(user, "core.manage_payments")


def may_manage_team_cases(user: Any) -> bool:
    """Team managers: supervision, transfers, decisions, who viewed a record."""
    return holds(user, "core.manage_team_cases")


def may_manage_reference_data(user: Any) -> bool:
    """Administrators: local timescales, oversight policy, staff and teams."""
    return holds(user, "core.manage_reference_data")


def may_review_access(user: Any) -> bool:
    """The information governance lead: refused reads and break-glass."""
    return holds(user, "core.review_access")


def may_view_performance(user: Any) -> bool:
    return holds(user, "core.view_performance")


def may_record_about_children(user: Any) -> bool:
    """Any recording role: add a person, refer, ask for early help."""
    return holds(user, *(f"core.{perm}" for perm in RECORDING_PERMISSIONS))


def may_restrict_records(user: Any) -> bool:
    """Managers restrict a record and grant access to it."""
    return may_manage_team_cases(user)


def may_hold_case_role(worker: Any, role: str) -> bool:
    """A worker a case role can be given to: active, and doing the role's work."""
    from haven.core.caseroles import HOLDER_PERMISSION, CaseRole

    return bool(worker.is_active) and holds(worker, HOLDER_PERMISSION[CaseRole(role)])


def may_use_admin(user: Any) -> bool:
    """Django's admin: administrators (and superusers), never a case record."""
    return bool(
        user.is_active
        and user.is_authenticated
        and (user.is_superuser or may_manage_reference_data(user))
    )
