"""What care leavers declare to the rest of Haven (imported by
haven/care/plugin.py): the "Leaving care" section of a young person's page and
chronology words; the six-monthly pathway plan review (CL-PATHWAY-REVIEW),
started and met by each review recorded.

Not live yet, each for want of the event that starts it: CL-ELIG-ASSESS and
CL-REL-ASSESS (becoming an eligible or relevant child happens with the days,
not at a write, so no event marks it), CL-ELIG-PATHWAY (the needs assessment
is not recorded yet), CL-PA-VISIT-* (the personal adviser's visits and the
accommodation provided under s23B/24B are not recorded yet), CL-23CA-ASSESS
and CL-KIT."""

from haven.care.leavers import chronology, section
from haven.care.leavers.pathway import REVIEWED
from haven.core.chronology import describe_events
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_leaving", "care/_leaving_care_section.html", order=24)(
    section.leaving_care_section
)
describe_events(chronology.WORDS)
activate(
    "CL-PATHWAY-REVIEW",
    key="child",
    met_by=(REVIEWED,),
    action="Review the pathway plan",
    url_name="care:leavers_pathway_review",
)
