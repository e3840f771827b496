"""What looked-after children's records declare to the rest of Haven: their
pages, the "Looked after" and "Missing from care" sections of a child's page,
the provider directory's place in the menu, chronology words, and the
timescales of a missing child's return."""

from haven.care import chronology, permissions, sections
from haven.care.missing import chronology as missing_words
from haven.care.missing import section as missing
from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.people.sections import person_section
from haven.timescales.registry import activate

mount("looked-after/", "haven.care.urls")

menu_entry("Providers", "care:providers", order=75, shown=permissions.may_see_providers)

person_section("care", "care/_person_section.html", order=20)(sections.looked_after)

describe_events(chronology.WORDS)

person_section("care_missing", "care/_missing_section.html", order=21)(
    missing.missing_section
)
describe_events(missing_words.WORDS)
activate(
    "LAC-MISSING-RHI",
    key="missing_episode",
    met_by=("care.return_interview_recorded",),
    action="Offer the return home interview",
    url_name="care:return_interview",
)
# No national timescale: due dates only where the council sets one.
activate(
    "LAC-MISSING-STRAT",
    key="missing_child",
    met_by=("care.missing_strategy_meeting_held",),
    action="Hold a strategy meeting about the child going missing",
    url_name="care:strategy_meeting",
)
