"""What the front door declares to the rest of Haven: its menu entry."""

from haven.core.models import User
from haven.core.navigation import menu_entry
from haven.frontdoor.selectors import works_at_front_door


def _shown(user: User) -> bool:
    return works_at_front_door(user)


menu_entry("Front door", "frontdoor:queue", order=30, shown=_shown)
