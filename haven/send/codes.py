"""SEND's code lists: who asked for an assessment, the advice an assessment
gathers, SEN2's need types and the 20-week exceptions (see the SEN2 notes in
the DfE's person-level survey guide)."""

from django.db import models


class RequestSource(models.TextChoices):
    """Who asked for the EHC needs assessment; SEN2 RequestSource (2.2) maps
    parent and young person to 1, school 2, health 3, social care 4, other 5."""

    PARENT = "parent", "A parent"
    YOUNG_PERSON = "young_person", "The young person"
    SCHOOL = "school", "A school or other education setting"
    HEALTH = "health", "Health professionals"
    SOCIAL_CARE = "social_care", "Social care professionals"
    OTHER = "other", "Someone else"


SEN2_REQUEST_SOURCE = {
    RequestSource.PARENT: "1",
    RequestSource.YOUNG_PERSON: "1",
    RequestSource.SCHOOL: "2",
    RequestSource.HEALTH: "3",
    RequestSource.SOCIAL_CARE: "4",
    RequestSource.OTHER: "5",
}


class AdviceKind(models.TextChoices):
    """The advice an EHC needs assessment seeks (SENDR reg 6(1))."""

    EDUCATION = "education", "Educational advice"
    HEALTH = "health", "Medical advice"
    SOCIAL_CARE = "social_care", "Social care advice"
    PSYCHOLOGY = "psychology", "Educational psychology advice"


class NeedType(models.TextChoices):
    """SEN2 SENtype (5.8a), 2025 onwards. Not the census disability codes, and
    without NSA, which is a school-census code only."""

    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    DS = "DS", "Down syndrome"
    OTH = "OTH", "Other difficulty or disability"


class Exception20(models.TextChoices):
    """Why the 20 weeks did not apply (SENDR reg 13(3)); SEN2 Week20 is 1 when
    one is recorded, so timeliness can leave the plan out."""

    NONE = "", "None: the 20 weeks applied"
    HOLIDAY = "holiday", "A school or college holiday made it impractical"
    CIRCUMSTANCES = "circumstances", "Exceptional personal circumstances"
    AWAY = "away", "The child or parent was away for 4 weeks or more"
    APPOINTMENT = "appointment", "The child or parent missed an appointment"


# Sections of an EHC plan (SENDR reg 12(1)): the letter and what it holds.
PLAN_SECTIONS = (
    ("a", "A: the views, interests and aspirations of the child and parents"),
    ("b", "B: special educational needs"),
    ("c", "C: health care needs related to the SEN"),
    ("d", "D: social care needs related to the SEN or disability"),
    ("e", "E: outcomes sought"),
    ("f", "F: special educational provision"),
    ("g", "G: health care provision"),
    ("h", "H1 and H2: social care provision"),
    ("i", "I: the school or other institution"),
    ("j", "J: personal budget and direct payments"),
    ("k", "K: the advice and information gathered"),
)


class ReviewOutcome(models.TextChoices):
    """The local authority's decision after an annual review: SEN2
    ReviewOutcome (M maintain, A amend, C cease; sen2.md, from the liiatools
    SEN2 XSDs 2024-2026)."""

    KEEP = "M", "Keep the plan as it is"
    AMEND = "A", "Amend the plan"
    CEASE = "C", "Cease the plan"


class CeaseReason(models.TextChoices):
    """Why an EHC plan ended: SEN2 CeaseReason (4.6), 1 to 9 (sen2.md, from the
    liiatools SEN2 XSDs and the witan.sen2 dictionary; 5 reads "in England"
    from 2025)."""

    MAX_AGE = "1", "Reached the maximum age"
    NEEDS_MET = "2", "Needs met without an EHC plan"
    HIGHER_EDUCATION = "3", "Moved on to higher education"
    EMPLOYMENT = "4", "Moved on to paid employment (not an apprenticeship)"
    TRANSFERRED = "5", "Transferred to another local authority in England"
    DISENGAGED = "6", "The young person no longer takes part in education or training"
    MOVED_ABROAD = "7", "Moved outside England"
    DECEASED = "8", "Died"
    OTHER = "9", "Another reason"


class SenSetting(models.TextChoices):
    """SEN2 SENsetting (4.7c, 5.7c): where a child is, or the plan names, when
    there is no URN or UKPRN (sen2.md §4, from the liiatools SEN2 XSD 2026).
    NEET, NIEC and NIEO describe a placement only (5.7c), never the plan's
    named setting (4.7c): PLAN_SETTINGS holds the plan's."""

    OLA = "OLA", "Education otherwise than at school, arranged by the council"
    OPA = "OPA", "Arranged by the parent or young person (not home education)"
    EHE = "EHE", "Elective home education"
    EYP = "EYP", "An early years provider with no URN"
    OTH = "OTH", "Other (say what)"
    NEET = "NEET", "Not in education, employment or training (16 to 25)"
    NIEC = "NIEC", "Not in education: notice to cease the plan issued"
    NIEO = "NIEO", "Not in education, for another reason (say what)"


PLAN_SETTINGS = ("OLA", "OPA", "EHE", "EYP", "OTH")
# SENsettingOther: free text, needed for these (sen2.md §6 rule 4).
SETTINGS_SAID = ("OTH", "NIEO")


class PlacementRank(models.IntegerChoices):
    """SEN2 PlacementRank (4.7d, 5.7d)."""

    PRIMARY = 1, "Main setting"
    SECONDARY = 2, "Second setting"


class DirectPayment(models.TextChoices):
    """SEN2 DP (4.4c): which part of the personal budget is a direct payment."""

    EDUCATION = "E", "Education"
    SOCIAL_CARE = "S", "Social care"
    HEALTH = "H", "Health"
    INTEGRATED = "I", "Integrated (more than one)"


class Residential(models.TextChoices):
    """SEN2 PlanRes (4.2) and Res (5.2), as CBDS RFC 1299 (late 2024) defines
    them for SEN2 2026, per the DfE's SEN2 2026 guide as read in sen2.md
    (source V1). CONFLICT: the liiatools XSDs (2023-2026) still read A as 38
    to 51 weeks and B as 52 weeks; RESIDENTIAL_SOURCE says so to the user."""

    UP_TO_38 = "A", "Residential, up to 38 weeks a year"
    WEEKS_39_TO_52 = "B", "Residential, 39 to 52 weeks a year"


RESIDENTIAL_SOURCE = (
    "Codes as CBDS RFC 1299 defines them for SEN2 2026 (A up to 38 weeks, "
    "B 39 to 52 weeks). Older SEN2 guidance read A as 38 to 51 weeks and B as "
    "52 weeks: to be confirmed against the DfE's 2026 guide."
)


class WorkBased(models.TextChoices):
    """SEN2 PlanWBP (4.3) and WBP (5.3): work-based learning. T is in the
    liiatools 2026 XSD, but traineeships closed: WORK_BASED_SOURCE says so."""

    APPRENTICESHIP = "A", "Apprenticeship"
    TRAINEESHIP = "T", "Traineeship"
    SUPPORTED_INTERNSHIP = "S", "Supported internship"


WORK_BASED_SOURCE = (
    "Codes from the SEN2 2026 schema. Traineeships (T) have closed: whether "
    "T is still accepted for 2026 is not confirmed."
)


class CanMeet(models.TextChoices):
    """A consulted school or setting's answer: can it meet the child's needs?
    (the draft plan stage: CAFA 2014 s39(2) and s40(2); SENDR 2014 reg 9, 13)."""

    YES = "Y", "Can meet the child's needs"
    NO = "N", "Cannot meet the child's needs"
