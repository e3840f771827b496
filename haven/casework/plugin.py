"""What casework declares to the rest of Haven: its menu entry."""

from haven.core.navigation import menu_entry, with_perm

menu_entry(
    "Oversight",
    "casework:oversight",
    order=70,
    shown=with_perm("core.manage_team_cases"),
)
