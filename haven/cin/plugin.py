"""What children in need declare to the rest of Haven: their pages, the plan
review's and the visits' timescales, and chronology words."""

from haven.casework.caseload_facts import caseload_facts
from haven.cin import chronology
from haven.cin.caseload import in_need_facts
from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.timescales.registry import activate

mount("children-in-need/", "haven.cin.urls")

activate(
    "CIN-REVIEW",
    key="plan",
    met_by=("cin.plan_reviewed",),
    ended_by=("cin.episode_closed", "cin.child_in_need_plan_ended"),
    action="Review the child in need plan",
    url_name="cin:plan",
)
# Keyed on the child: a visit note in which the child was seen carries
# "seen_on_visit" (casework.note_recorded); one without it meets nothing.
activate(
    "CIN-VISIT",
    key="seen_on_visit",
    met_by=("casework.note_recorded",),
    ended_by=("cin.episode_closed", "cin.child_in_need_plan_ended"),
    action="Visit the child and see them",
    url_name="casework:record_visit",
)
describe_events(chronology.WORDS)
caseload_facts("cin", order=20)(in_need_facts)
