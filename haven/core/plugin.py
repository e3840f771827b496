"""What the core declares to the rest of Haven: its places in the menu."""

from haven.core.navigation import menu_entry, with_perm

menu_entry("Home", "home", order=0, shown=lambda user: True)
menu_entry(
    "Administration",
    "admin:index",
    order=90,
    shown=with_perm("core.manage_reference_data"),
)
