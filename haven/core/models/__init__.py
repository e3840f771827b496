"""Core state: staff and teams, the journal, and the access rules' records."""

from haven.core.models.access import (
    AccessGrant,
    AccessLogEntry,
    Allocation,
    BreakGlass,
    DeniedAccess,
    Restriction,
)
from haven.core.models.alerts import BurstAlert
from haven.core.models.establishments import Establishment
from haven.core.models.journal import JournalEvent
from haven.core.models.signin import SignInFailure, SignInLock
from haven.core.models.staff import DemoDatabase, Team, User
from haven.core.models.submissions import Submission

__all__ = [
    "AccessGrant",
    "AccessLogEntry",
    "Allocation",
    "BreakGlass",
    "BurstAlert",
    "DeniedAccess",
    "DemoDatabase",
    "Establishment",
    "JournalEvent",
    "Restriction",
    "SignInFailure",
    "SignInLock",
    "Submission",
    "Team",
    "User",
]
