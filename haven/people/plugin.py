"""What the person register declares to the rest of Haven: its menu entry."""

from haven.core.navigation import menu_entry, with_perm

menu_entry(
    "Children", "people:list", order=20, shown=with_perm("core.view_case_record")
)
