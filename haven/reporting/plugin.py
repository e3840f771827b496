"""What the reporting app declares: its pages under /reporting/ and the
"Performance" menu entry for those who read the authority's performance."""

from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.reporting import permissions

mount("reporting/", "haven.reporting.urls")
menu_entry(
    "Performance", "reporting:index", order=80, shown=permissions.may_see_performance
)
