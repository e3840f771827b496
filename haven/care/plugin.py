"""What looked-after children's records declare to the rest of Haven: their
pages, the "Looked after" section of a child's page, the provider directory's
and the whereabouts board's places in the menu, and chronology words."""

from haven.care import chronology, discrepancy_views, permissions, sections
from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.people.sections import person_section

mount("looked-after/", "haven.care.urls")

menu_entry("Providers", "care:providers", order=75, shown=permissions.may_see_providers)
menu_entry(
    "Whereabouts", "care:whereabouts", order=74, shown=permissions.may_see_whereabouts
)

person_section("care", "care/_person_section.html", order=20)(sections.looked_after)
person_section("care_discrepancies", "care/_discrepancies_section.html", order=19)(
    discrepancy_views.section
)

describe_events(chronology.WORDS)
