"""What the returns app declares: its pages under /returns/, the menu entry
for those who make the returns, and (by importing them) each return's
registration."""

from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.returns import (
    permissions,
    sen2,  # noqa: F401
)
from haven.returns.annex_a import build as annex_a  # noqa: F401
from haven.returns.cin import declare as cin  # noqa: F401
from haven.returns.legacy.chronology import WORDS as LEGACY_WORDS
from haven.returns.ssd import declare as ssd  # noqa: F401
from haven.returns.ssda903 import declare as ssda903  # noqa: F401

mount("returns/", "haven.returns.urls")
describe_events(LEGACY_WORDS)  # imported history in the chronology
menu_entry(
    "Statutory returns", "returns:index", order=79, shown=permissions.may_make_returns
)
