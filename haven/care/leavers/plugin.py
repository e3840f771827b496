"""What care leavers declare to the rest of Haven (imported by
haven/care/plugin.py): the "Leaving care" section of a young person's page and
chronology words."""

from haven.care.leavers import chronology, section
from haven.core.chronology import describe_events
from haven.people.sections import person_section

person_section("care_leaving", "care/_leaving_care_section.html", order=24)(
    section.leaving_care_section
)
describe_events(chronology.WORDS)
