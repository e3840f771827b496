"""What UASC status declares to the rest of Haven (imported by
haven/care/plugin.py): its section of the child's page and chronology words."""

from haven.care.uasc import section
from haven.care.uasc.recording import CEASED, STARTED
from haven.core.chronology import describe_events
from haven.people.sections import person_section

person_section("care_uasc", "care/_uasc_section.html", order=25)(section.uasc_section)
describe_events(
    {
        STARTED: lambda p: "Unaccompanied asylum-seeking child status recorded",
        CEASED: lambda p: "Unaccompanied asylum-seeking child status ceased",
    }
)
