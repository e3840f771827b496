"""What early help declares to the rest of Haven: its menu entry."""

from haven.core.navigation import menu_entry, with_perm

menu_entry(
    "Early help",
    "earlyhelp:queue",
    order=40,
    shown=with_perm("core.record_early_help", "core.manage_team_cases"),
)
