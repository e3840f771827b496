"""What the core declares to the rest of Haven, the way every app does: its
pages, its places in the menu, its chronology words, the relationships it
knows (allocations), and its sign-in signals and role sync."""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import checks
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate

from haven.core import access, chronology, relationships, shared_rules, signin
from haven.core.codelists import checks as code_list_checks
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.roles import sync_roles

mount("", "haven.core.urls")

menu_entry("Home", "home", order=0, shown=lambda user: True)
menu_entry(
    "Administration",
    "admin:index",
    order=90,
    shown=with_perm("core.manage_reference_data"),
)

chronology.describe_events(chronology.CORE_WORDS)
chronology.audit_events(
    "core.record_restricted", "core.access_granted", "core.break_glass_used"
)

access.relationship("Allocated worker", order=10)(relationships.allocated_worker)
access.relationship("Allocated team or its management", order=20)(
    relationships.allocated_team
)
access.relationship(
    "Held the case until it ended", order=30, day_values=(relationships.ended_since,)
)(relationships.recently_ended)

# Access rules shared between requests bake in settings (how long access lasts
# after a case ends): a test that changes a setting starts afresh.
setting_changed.connect(shared_rules.forget)

# Sign-in lockout counts failed passwords and forgets them on signing in.
user_login_failed.connect(signin.count_failure)
user_logged_in.connect(signin.forget_failures_on_sign_in)

# Roles follow the code's definition after every migrate, the way Django
# creates permissions, so a new capability's permission reaches its roles.
post_migrate.connect(sync_roles, sender=apps.get_app_config("core"))

# The DfE code lists are checked at every start (`manage.py check`, haven.E001).
checks.register(code_list_checks.code_lists_are_well_formed)
