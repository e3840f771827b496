"""What a looked-after child's health declares to the rest of Haven (imported
by haven/care/plugin.py): the "Health" section of the child's page, chronology
words, and the timescales of the health assessments and the SDQ, met by the
events recorded here."""

from haven.care.health import chronology, section
from haven.care.health.assessments import COMPLETED
from haven.care.health.records import SDQ
from haven.care.permissions import may_record_care
from haven.core.chronology import describe_events
from haven.people.sections import person_section
from haven.timescales.registry import activate

ENDED = ("care.period_of_care_ended",)

person_section("care_health", "care/_health_section.html", order=23)(
    section.health_section
)
describe_events(chronology.WORDS)

# The initial assessment, per period of care: met by an initial assessment
# (only its event names the period). LAC-HEALTH-IHA has no national deadline
# ("before the first placement ... or the first review"): a due date only where
# the council sets one; LAC-HEALTH-IHA-20 is the guidance's 20 working days.
for rule_id in ("LAC-HEALTH-IHA", "LAC-HEALTH-IHA-20"):
    activate(
        rule_id,
        key="period",
        met_by=(COMPLETED,),
        ended_by=ENDED,
        action="Arrange the initial health assessment",
        url_name="care:initial_health_assessment",
        may_act=may_record_care,
    )
# The reviews, per child: every assessment restarts the clock, the regime
# chosen by the child's age on the day (conditions in the catalogue). Ending
# care ends them; coming back into care starts with a new initial assessment.
for rule_id in ("LAC-HEALTH-RHA", "LAC-HEALTH-RHA-5"):
    activate(
        rule_id,
        key="child",
        met_by=(COMPLETED,),
        ended_by=ENDED,
        action="Arrange the review health assessment",
        url_name="care:health_assessment",
        may_act=may_record_care,
    )
activate(
    "LAC-SDQ",
    key="period",
    met_by=(SDQ,),
    ended_by=ENDED,
    action="Ask for the Strengths and Difficulties Questionnaire",
    url_name="care:period_sdq",
    may_act=may_record_care,
)
