"""What looked-after children's records declare to the rest of Haven: their
pages, the provider directory's place in the menu, and chronology words."""

from haven.care import chronology, permissions
from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry

mount("looked-after/", "haven.care.urls")

menu_entry("Providers", "care:providers", order=75, shown=permissions.may_see_providers)

describe_events(chronology.WORDS)
