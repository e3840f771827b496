"""What casework declares to the rest of Haven: its pages and menu entries,
the home page's caseload, the child's page's planned visits, chronology words,
work items (supervision actions, drafts) and the check of its notes against
their journal."""

from haven.casework import chronology, day_views, permissions, work
from haven.casework.integrity import notes_match_their_journal
from haven.core.chronology import describe_events
from haven.core.home import home_panel
from haven.core.journal import state_check
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.people.sections import person_section

mount("casework/", "haven.casework.urls")

menu_entry(
    "Oversight",
    "casework:oversight",
    order=70,
    shown=with_perm("core.manage_team_cases"),
)

menu_entry(
    "My caseload",
    "casework:caseload",
    order=5,
    shown=lambda user: (
        permissions.may_record_notes(user) or permissions.may_supervise(user)
    ),
)
menu_entry(
    "Visits",
    "casework:visits",
    order=12,
    shown=lambda user: (
        permissions.may_record_notes(user) or permissions.may_supervise(user)
    ),
)
home_panel("caseload", "casework/_caseload_panel.html", order=10)(day_views.home_panel)
person_section("planned_visits", "casework/_planned_section.html", order=23)(
    day_views.planned_section
)

describe_events(chronology.WORDS)
work_source(work.supervision_actions)
work_source(work.drafts)
state_check(notes_match_their_journal)
