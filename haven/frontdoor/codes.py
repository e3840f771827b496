"""Front door code lists.

`ReferralSource` is the DfE children in need census code list "ReferralSource"
(CIN census specification, CIN details module), copied here so that contacts,
referrals and early help step-up all record the source in the census's terms.
`Decision` and `ConsentStatus` are Haven's own lists for the front door decision
(Working Together to Safeguard Children 2023, chapter 3, "Referral").
"""

from django.db import models


class ReferralSource(models.TextChoices):
    """DfE CIN census ReferralSource: who made the contact or referral."""

    FAMILY = "1A", "Individual: family member, relative or carer"
    ACQUAINTANCE = "1B", "Individual: acquaintance (including neighbours)"
    SELF = "1C", "Individual: self"
    OTHER_INDIVIDUAL = "1D", "Individual: other"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health services: GP"
    HEALTH_VISITOR = "3B", "Health services: health visitor"
    SCHOOL_NURSE = "3C", "Health services: school nurse"
    OTHER_PRIMARY_HEALTH = "3D", "Health services: other primary health services"
    A_AND_E = "3E", "Health services: A&E"
    OTHER_HEALTH = "3F", "Health services: other"
    HOUSING = "4", "Housing"
    LA_SOCIAL_CARE = "5A", "LA services: social care (for example adult services)"
    LA_OTHER_INTERNAL = "5B", "LA services: other internal department"
    LA_EXTERNAL = "5C", "LA services: external (for example another LA)"
    EARLY_HELP = "5D", "LA services: early help"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency (courts, probation, Cafcass, prison)"
    OTHER = "8", "Other (children's centres, voluntary agencies)"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class Decision(models.TextChoices):
    """What happens next for a child named in a contact."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    INFORMATION_AND_ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral to social care for assessment"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion (child protection)"
    IMMEDIATE_PROTECTION = (
        "protection",
        "Immediate protection (police protection or an emergency protection order)",
    )
    SPECIALIST_ASSESSMENT = (
        "specialist",
        "Specialist assessment (for example the disabled children's team)",
    )


# Decisions that open a children in need episode with a referral. Emergency action
# to protect a child (police protection, an emergency protection order) is followed
# by a strategy discussion (Working Together 2023, chapter 3), so immediate
# protection routes as one.
REFERRAL_DECISIONS = (
    Decision.REFERRAL,
    Decision.STRATEGY_DISCUSSION,
    Decision.IMMEDIATE_PROTECTION,
)
STRATEGY_DECISIONS = (Decision.STRATEGY_DISCUSSION, Decision.IMMEDIATE_PROTECTION)


class ContactMethod(models.TextChoices):
    """How the referrer was acknowledged, or told the decision."""

    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"


class Agency(models.TextChoices):
    """The agencies the front door asks what they know (multi-agency checks)."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class AdultRole(models.TextChoices):
    """Why an adult is named on a contact."""

    PARENT = "parent", "Parent or carer"
    ALLEGED_PERPETRATOR = "alleged", "Alleged perpetrator"


class Urgency(models.TextChoices):
    """The RAG urgency rating the manager gives the decision."""

    RED = "red", "Red: act today"
    AMBER = "amber", "Amber: act within days"
    GREEN = "green", "Green: no immediate risk"


class ConsentStatus(models.TextChoices):
    """The basis on which information about the child is shared with us.

    Consent is one basis; UK GDPR and the Data Protection Act 2018 also allow
    sharing without it to safeguard a child, and a practitioner need not seek it
    when seeking it would place the child at risk. Either way the reason is kept
    (HM Government, Information sharing advice for safeguarding practitioners,
    2024). Until December 2026 the codes were "not_needed_risk" and "not_sought"
    (migration 0004 moved them; LEGACY_CONSENT words them in old journal entries).
    """

    GIVEN = "given", "Consent given"
    NOT_SOUGHT_RISK = (
        "not_sought_risk",
        "Consent not sought: seeking it would place the child at risk",
    )
    WITHOUT_CONSENT = (
        "without_consent",
        "Shared without consent (a lawful basis under UK GDPR and the Data "
        "Protection Act 2018)",
    )


# Codes journalled before migration 0004, and the codes they became.
LEGACY_CONSENT = {
    "not_needed_risk": ConsentStatus.NOT_SOUGHT_RISK,
    "not_sought": ConsentStatus.WITHOUT_CONSENT,
}
