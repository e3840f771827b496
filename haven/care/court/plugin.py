"""What court records declare to the rest of Haven (imported by
haven/care/plugin.py): the "Court" section of a child's page, chronology words,
and the court's timescales. CRT-26W starts when care or supervision
proceedings are issued, moves with each extension and is met by the decision;
CRT-EPO, CRT-POLICE and CRT-CAO show when an emergency protection order,
police protection or a child assessment order runs out, met by its end (a
later order takes its place, or it is discharged) and ended with the child's
care. CRT-ICO starts with an interim care order and is met by its end (a final
order takes its place, the proceedings are decided, or it is discharged): the
law has set no date since 2014, so it is due on a date only where the council
sets one."""

from haven.care.court import chronology, implied, proceedings, section
from haven.care.permissions import may_record_care
from haven.core.chronology import describe_events
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_court", "care/_court_section.html", order=25)(
    section.court_section
)
describe_events(chronology.WORDS)
activate(
    "CRT-26W",
    key="proceedings",
    met_by=(proceedings.DISPOSED,),
    extended_by=(proceedings.EXTENDED,),
    action="Care proceedings to be decided (26 weeks)",
    url_name="care:court_dispose",
    may_act=may_record_care,
)
for rule_id, action in (
    ("CRT-EPO", "The emergency protection order runs out"),
    ("CRT-POLICE", "Police protection runs out (72 hours)"),
    ("CRT-CAO", "The child assessment order runs out"),
    ("CRT-ICO", "The interim care order ends (the proceedings to be decided)"),
):
    activate(
        rule_id,
        key="order",
        met_by=(implied.ENDED,),
        ended_by=("care.period_of_care_ended",),
        action=action,
        url_name="care:court_discharge",
        may_act=may_record_care,
    )
