"""What casework declares to the rest of Haven: its pages and menu entry,
chronology words, work items (supervision actions, drafts) and the check of
its notes against their journal."""

from haven.casework import chronology, work
from haven.casework.integrity import notes_match_their_journal
from haven.core.chronology import describe_events
from haven.core.journal import state_check
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source

mount("casework/", "haven.casework.urls")

menu_entry(
    "Oversight",
    "casework:oversight",
    order=70,
    shown=with_perm("core.manage_team_cases"),
)

describe_events(chronology.WORDS)
work_source(work.supervision_actions)
work_source(work.drafts)
state_check(notes_match_their_journal)
