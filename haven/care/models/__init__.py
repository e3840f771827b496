"""A looked-after child's records: the providers and carers a child is placed
with (providers.py), the child's periods of care with their legal status and
placement histories (looked_after.py), their missing episodes (missing.py) and
what their statutory visits need beyond casework's notes (visits.py)."""

from haven.care.models.adoption import Adopters, AdoptionDecision, PermanenceBefore
from haven.care.models.approval import AdopterApproval
from haven.care.models.court import CourtOrder, Proceedings, ProceedingsExtension
from haven.care.models.education import PersonalEducationPlan
from haven.care.models.health import (
    DentalCheck,
    HealthAssessment,
    Offence,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.care.models.leavers import (
    BirthdayContact,
    NeedsAssessment,
    PathwayPlan,
    PathwayReview,
    PathwayReviewBooking,
    ReturnToEducation,
)
from haven.care.models.leaving import (
    AdviserVisit,
    LeaverAccommodation,
    StayingArrangement,
)
from haven.care.models.looked_after import (
    LEGAL_STATUS_PERIOD,
    PERIOD_OF_CARE,
    PLACEMENT_PERIOD,
    LegalStatus,
    PeriodOfCare,
    Placement,
)
from haven.care.models.missing import MissingEpisode, StrategyMeeting
from haven.care.models.plans import CarePlan, PlacementPlan
from haven.care.models.providers import (
    APPROVAL_PERIOD,
    REGISTRATION_PERIOD,
    SHARED_URN,
    Carer,
    Provider,
    Registration,
)
from haven.care.models.reviews import (
    Escalation,
    EscalationStep,
    IroContact,
    Recommendation,
    Review,
)
from haven.care.models.schools import Attendance, Enrolment, Exclusion
from haven.care.models.uasc import UascStatus
from haven.care.models.visits import FewerVisitsAgreement, VisitRequest

__all__ = [
    "Adopters",
    "AdopterApproval",
    "AdoptionDecision",
    "PermanenceBefore",
    "Attendance",
    "Enrolment",
    "Exclusion",
    "UascStatus",
    "AdviserVisit",
    "LeaverAccommodation",
    "StayingArrangement",
    "APPROVAL_PERIOD",
    "BirthdayContact",
    "PathwayPlan",
    "NeedsAssessment",
    "PathwayReview",
    "PathwayReviewBooking",
    "ReturnToEducation",
    "LEGAL_STATUS_PERIOD",
    "PERIOD_OF_CARE",
    "PLACEMENT_PERIOD",
    "REGISTRATION_PERIOD",
    "SHARED_URN",
    "CarePlan",
    "CourtOrder",
    "Proceedings",
    "ProceedingsExtension",
    "Carer",
    "DentalCheck",
    "HealthAssessment",
    "Escalation",
    "EscalationStep",
    "IroContact",
    "FewerVisitsAgreement",
    "LegalStatus",
    "MissingEpisode",
    "Offence",
    "PeriodOfCare",
    "PersonalEducationPlan",
    "Placement",
    "PlacementPlan",
    "Provider",
    "Recommendation",
    "Registration",
    "SdqScore",
    "Review",
    "StrategyMeeting",
    "SubstanceMisuse",
    "UpToDate",
    "VisitRequest",
]
