"""What care leavers declare to the rest of Haven (imported by
haven/care/plugin.py): the "Leaving care" section of a young person's page and
chronology words; the six-monthly pathway plan review (CL-PATHWAY-REVIEW),
started and met by each review recorded; the personal adviser's visits
(CL-PA-VISIT-1 and CL-PA-VISIT-N), started by the accommodation and the visits
recorded (accommodation.py).

The needs assessment (needs.py): CL-ELIG-ASSESS and CL-REL-ASSESS, started by
becoming an eligible or a relevant child (becoming.py derives the day from the
periods of care, at each care write and daily) and met by the assessment; and
CL-ELIG-PATHWAY, started by the assessment and met by the pathway plan (no
national deadline, "as soon as possible": due dates only where the council
sets one).

The adviser's visit before each pathway plan review (CL-PA-VISIT-PRE), started
by booking the review (booking.py), due by its day, met by the visit.

A former relevant young person's return to education or training
(education_return.py) starts CL-23CA-ASSESS, met by the needs assessment.

Not live: CL-KIT (a continuing duty to 21 or 25 with no date to meet: an
obligation would never fall due, so it would claim a check it does not make)."""

from haven.care.leavers import accommodation as housing
from haven.care.leavers import becoming, chronology, needs, section, work
from haven.care.leavers.pathway import AGREED, REVIEWED
from haven.core.chronology import describe_events, hide_events
from haven.core.journal import listen
from haven.core.work import work_source
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_leaving", "care/_leaving_care_section.html", order=24)(
    section.leaving_care_section
)
describe_events(chronology.WORDS)
# The personal adviser's own queue of the care leavers' duties.
work_source(work.advisers_work)
activate(
    "CL-PATHWAY-REVIEW",
    key="child",
    met_by=(REVIEWED,),
    action="Review the pathway plan",
    url_name="care:leavers_pathway_review",
)
# The personal adviser's visits (CLR reg 8(2)), keyed on the young person:
# a move ends the old place's duties before the new place's 7 days start.
for rule_id, action in (
    ("CL-PA-VISIT-1", "Visit the care leaver in their new accommodation"),
    ("CL-PA-VISIT-N", "Visit the care leaver where they live"),
):
    activate(
        rule_id,
        key="child",
        met_by=(housing.VISITED,),
        ended_by=(housing.ENDED,),
        action=action,
        url_name="care:leavers_adviser_visit",
    )
hide_events(becoming.WITHDRAWN)
# Becoming eligible or relevant: derived again whenever the care is recorded.
listen(becoming.on_care_events, once=True)
for rule_id in ("CL-ELIG-ASSESS", "CL-REL-ASSESS"):
    activate(
        rule_id,
        key="child",
        met_by=(needs.COMPLETED,),
        action="Complete the leaving care needs assessment",
        url_name="care:leavers_needs_assessment",
    )
activate(
    "CL-23CA-ASSESS",
    key="child",
    met_by=(needs.COMPLETED,),
    action="Assess their needs for the education or training they are returning to",
    url_name="care:leavers_needs_assessment",
)
activate(
    "CL-ELIG-PATHWAY",
    key="child",
    met_by=(AGREED,),
    action="Prepare the pathway plan from the needs assessment",
    url_name="care:leavers_pathway_plan",
)
activate(
    "CL-PA-VISIT-PRE",
    key="child",
    met_by=(housing.VISITED,),
    action="Visit the young person before their pathway plan review",
    url_name="care:leavers_adviser_visit",
)
