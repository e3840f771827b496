"""What the timescales app declares to the rest of Haven: its pages and menu
entries, its listener on the journal, its work source and the person page's
"Due for" section."""

from haven.core.journal import listen
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.people.sections import person_section
from haven.timescales import engine, queue

mount("work/", "haven.timescales.urls")

menu_entry(
    "My work", "timescales:my_work", order=10, shown=with_perm("core.view_case_record")
)
menu_entry(
    "Team work", "timescales:team", order=50, shown=with_perm("core.manage_team_cases")
)
menu_entry(
    "Timescales",
    "timescales:rules",
    order=80,
    shown=with_perm("core.manage_reference_data"),
)

# Obligations commit with the event that changes them, or not at all.
listen(engine.on_events, once=True)
work_source(queue.obligations_of)
person_section("due", "timescales/_person_due.html", order=10)(queue.person_section)
