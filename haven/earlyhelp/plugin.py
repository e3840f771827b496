"""What early help declares to the rest of Haven: its pages and menu entry,
chronology words, who it lets open a record and its work items."""

from haven.casework.caseload_facts import caseload_facts
from haven.core.access import relationship
from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.earlyhelp import access, chronology, work
from haven.earlyhelp.caseload import early_help_facts

mount("early-help/", "haven.earlyhelp.urls")

menu_entry(
    "Early help",
    "earlyhelp:queue",
    order=40,
    shown=with_perm("core.record_early_help", "core.manage_team_cases"),
)

describe_events(chronology.DESCRIBERS)
relationship("Early help: open request", order=50)(access.early_help_open_request)
work_source(work.early_help_actions)
caseload_facts("earlyhelp", order=40)(early_help_facts)
