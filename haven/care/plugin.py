"""What looked-after children's records declare to the rest of Haven: their
pages and the provider directory's place in the menu."""

from haven.care import permissions
from haven.core.mounts import mount
from haven.core.navigation import menu_entry

mount("looked-after/", "haven.care.urls")

menu_entry("Providers", "care:providers", order=75, shown=permissions.may_see_providers)
