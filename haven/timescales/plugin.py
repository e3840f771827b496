"""What the timescales app declares to the rest of Haven: its menu entries."""

from haven.core.navigation import menu_entry, with_perm

menu_entry(
    "My work", "timescales:my_work", order=10, shown=with_perm("core.view_case_record")
)
menu_entry(
    "Team work", "timescales:team", order=50, shown=with_perm("core.manage_team_cases")
)
menu_entry(
    "Timescales",
    "timescales:rules",
    order=80,
    shown=with_perm("core.manage_reference_data"),
)
