"""Front door code lists.

`ReferralSource` is the DfE children in need census code list "ReferralSource":
its codes and the DfE's wording are data (haven/core/codelists/data/
cin_referral_sources.json), so that contacts, referrals and early help step-up
all record the source in the census's terms. `Decision` and `ConsentStatus` are
Haven's own lists for the front door decision (Working Together to Safeguard
Children 2023, chapter 3, "Referral").
"""

from django.db import models

from haven.core.codelists import label

SOURCES = "cin_referral_sources"


def _source(code: str) -> tuple[str, str]:
    return code, label(SOURCES, code)


class ReferralSource(models.TextChoices):
    """DfE CIN census ReferralSource: who made the contact or referral."""

    FAMILY = _source("1A")
    ACQUAINTANCE = _source("1B")
    SELF = _source("1C")
    OTHER_INDIVIDUAL = _source("1D")
    SCHOOLS = _source("2A")
    EDUCATION_SERVICES = _source("2B")
    GP = _source("3A")
    HEALTH_VISITOR = _source("3B")
    SCHOOL_NURSE = _source("3C")
    OTHER_PRIMARY_HEALTH = _source("3D")
    A_AND_E = _source("3E")
    OTHER_HEALTH = _source("3F")
    HOUSING = _source("4")
    LA_SOCIAL_CARE = _source("5A")
    LA_OTHER_INTERNAL = _source("5B")
    LA_EXTERNAL = _source("5C")
    EARLY_HELP = _source("5D")
    POLICE = _source("6")
    OTHER_LEGAL = _source("7")
    OTHER = _source("8")
    ANONYMOUS = _source("9")
    UNKNOWN = _source("10")


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
