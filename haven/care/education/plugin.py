"""What a looked-after child's education declares to the rest of Haven
(imported by haven/care/plugin.py): the "Education" section of the child's
page, chronology words, and the timescales of the personal education plan."""

from haven.care.education import attendance, corrections, schools, section, work
from haven.care.education.recording import REVIEWED
from haven.care.education.who import may_record_education
from haven.core.chronology import describe_events
from haven.core.work import work_source
from haven.people.sections import person_section
from haven.timescales.registry import activate

ENDED = ("care.period_of_care_ended",)

person_section("care_education", "care/_education_section.html", order=24)(
    section.education_section
)
describe_events(
    {
        REVIEWED: lambda p: (
            f"Personal education plan meeting ({p.get('term', '')} term) "
            f"at {p.get('school', '')}"
        ),
        schools.ENROLLED: lambda p: f"Started at {p.get('school', '')}",
        schools.ENDED: lambda p: f"Left {p.get('school', '')}",
        attendance.RECORDED: lambda p: (
            f"Attendance at {p.get('school', '')}: {p.get('attended')} of "
            f"{p.get('possible')} sessions ({p.get('term', '')} term {p.get('year')})"
        ),
        attendance.EXCLUDED: lambda p: (
            ("Permanently excluded" if p.get("kind") == "permanent" else "Suspended")
            + f" from {p.get('school', '')}"
        ),
        corrections.ATTENDANCE_CORRECTED: lambda p: (
            f"Attendance at {p.get('school', '')} corrected: {p.get('why', '')}"
        ),
        corrections.EXCLUSION_CORRECTED: lambda p: (
            f"Exclusion from {p.get('school', '')} corrected: {p.get('why', '')}"
        ),
    }
)
# The plan starts with the care plan: met by the period's first PEP meeting.
activate(
    "LAC-PEP",
    key="period",
    met_by=(REVIEWED,),
    ended_by=ENDED,
    action="Start the personal education plan",
    url_name="care:period_pep",
    may_act=may_record_education,
)
# Reviewed each school term: no national interval (term dates differ), so a
# due date only where the council sets one.
activate(
    "LAC-PEP-REVIEW",
    key="child",
    met_by=(REVIEWED,),
    ended_by=ENDED,
    action="Review the personal education plan",
    url_name="care:pep",
    may_act=may_record_education,
)

# The virtual school officer's PEPs due, for the children allocated to them.
work_source(work.peps_due)
