"""What the plans declare to the rest of Haven, imported by haven/care/plugin.py:
the "Care plan" section of a child's page, the chronology words, and the
timescales their versions meet."""

from haven.care.plans import chronology, recording, section
from haven.core.chronology import describe_events
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_plans", "care/_plans_section.html", order=23)(
    section.plans_section
)
describe_events(chronology.WORDS)

# The care plan (CPPCR reg 4(2)): the first version meets it; a period that
# ends before one is agreed no longer needs it.
activate(
    "LAC-CAREPLAN",
    key="period",
    met_by=(recording.AGREED,),
    ended_by=("care.period_of_care_ended",),
    action="Agree the child's care plan",
    url_name="care:care_plan",
)
# VERIFY (statutory guidance, no national date): due by the second review,
# a date only where the council sets one.
activate(
    "LAC-PERM-PLAN",
    key="period",
    met_by=(recording.PERMANENCE,),
    ended_by=("care.period_of_care_ended",),
    action="Record the plan for permanence in the care plan",
    url_name="care:care_plan",
)
# The placement plan (CPPCR reg 9(1)), for each placement: a move ends the
# old placement's duty.
activate(
    "LAC-PLACEPLAN",
    key="placement",
    met_by=(recording.PLACEMENT_AGREED,),
    ended_by=("care.placement_ended",),
    action="Agree the placement plan with the carer",
    url_name="care:placement_plan",
)
