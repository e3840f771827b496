"""Core state: staff and teams, the journal, and the access rules' records."""

from haven.core.models.access import (
    AccessGrant,
    AccessLogEntry,
    Allocation,
    BreakGlass,
    Restriction,
)
from haven.core.models.journal import JournalEvent
from haven.core.models.staff import DemoDatabase, Team, User
from haven.core.models.submissions import Submission

__all__ = [
    "AccessGrant",
    "AccessLogEntry",
    "Allocation",
    "BreakGlass",
    "DemoDatabase",
    "JournalEvent",
    "Restriction",
    "Submission",
    "Team",
    "User",
]
