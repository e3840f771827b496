"""A looked-after child's records: the providers and carers a child is placed
with (providers.py), and the child's periods of care with their legal status
and placement histories (looked_after.py)."""

from haven.care.models.looked_after import (
    LEGAL_STATUS_PERIOD,
    PERIOD_OF_CARE,
    PLACEMENT_PERIOD,
    LegalStatus,
    PeriodOfCare,
    Placement,
)
from haven.care.models.providers import (
    APPROVAL_PERIOD,
    REGISTRATION_PERIOD,
    SHARED_URN,
    Carer,
    Provider,
    Registration,
)

__all__ = [
    "APPROVAL_PERIOD",
    "LEGAL_STATUS_PERIOD",
    "PERIOD_OF_CARE",
    "PLACEMENT_PERIOD",
    "REGISTRATION_PERIOD",
    "SHARED_URN",
    "Carer",
    "LegalStatus",
    "PeriodOfCare",
    "Placement",
    "Provider",
    "Registration",
]
