"""What the front door declares to the rest of Haven: its pages and menu entry,
its timescale, chronology words, who it lets open a record, its work items and
the decisions that count as management oversight."""

from haven.casework.oversight import oversight_decision
from haven.core.access import relationship
from haven.core.chronology import describe_events
from haven.core.models import User
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.core.work import work_source
from haven.frontdoor import access, chronology, work
from haven.frontdoor.selectors import works_at_front_door
from haven.timescales.registry import activate

mount("front-door/", "haven.frontdoor.urls")


def _shown(user: User) -> bool:
    return works_at_front_door(user)


menu_entry("Front door", "frontdoor:queue", order=30, shown=_shown)

activate(
    "REF-DECISION",
    key="contact",
    met_by=("frontdoor.contact_decided",),
    action="Decide what happens next with the contact",
    url_name="frontdoor:decide",
)
describe_events(chronology.WORDS)
# Whether the user works at the front door depends on their team's staff.
relationship(
    "Front door: open contact",
    order=40,
    depends_on=(works_at_front_door,),
    day_values=(access.decided_since,),
)(access.open_contact)
work_source(work.contacts_to_decide)
oversight_decision(
    "frontdoor.contact_decided", "Contact decision", only_by_a_manager=True
)
