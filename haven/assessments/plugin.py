"""What assessments declare to the rest of Haven: their menu entry."""

from haven.core.navigation import menu_entry, with_perm

menu_entry(
    "To authorise",
    "assessments:awaiting",
    order=60,
    shown=with_perm("core.manage_team_cases"),
)
