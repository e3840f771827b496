"""The checks, in the order the page lists them: the looked-after child's
placement first (a payment and a return), then identity (the returns),
duplicates, and open episodes (the queues)."""

from haven.reporting.quality import care, duplicates, identity, idle
from haven.reporting.quality.checks import Check

LISTED: tuple[Check, ...] = (
    care.UNPLACED,
    care.OUTSIDE,
    identity.UPN,
    identity.NHS,
    identity.ETHNICITY,
    duplicates.DUPLICATES,
    idle.IDLE,
)
