"""Code lists for a person.

The DfE lists (sex, ethnicity, disability, UPN unknown reasons: the CIN census
and the SSDA903 share them) are data, keyed by collection year, in
haven/core/codelists/data/ with their sources; these classes name their codes
and read the DfE's wording from there. The rest are Haven's own lists.
"""

from django.db import models

from haven.core.codelists import label


class Sex(models.TextChoices):
    """DfE Sex (CBDS N00783; SSDA903 SEX): M, F or U from 2024-25."""

    MALE = "M", label("sex", "M")
    FEMALE = "F", label("sex", "F")
    UNKNOWN = "U", label("sex", "U")


def _ethnicity(code: str) -> tuple[str, str]:
    return code, label("ethnicity", code)


class Ethnicity(models.TextChoices):
    WBRI = _ethnicity("WBRI")
    WIRI = _ethnicity("WIRI")
    WIRT = _ethnicity("WIRT")
    WOTH = _ethnicity("WOTH")
    WROM = _ethnicity("WROM")
    MWBC = _ethnicity("MWBC")
    MWBA = _ethnicity("MWBA")
    MWAS = _ethnicity("MWAS")
    MOTH = _ethnicity("MOTH")
    AIND = _ethnicity("AIND")
    APKN = _ethnicity("APKN")
    ABAN = _ethnicity("ABAN")
    AOTH = _ethnicity("AOTH")
    BCRB = _ethnicity("BCRB")
    BAFR = _ethnicity("BAFR")
    BOTH = _ethnicity("BOTH")
    CHNE = _ethnicity("CHNE")
    OOTH = _ethnicity("OOTH")
    REFU = _ethnicity("REFU")
    NOBT = _ethnicity("NOBT")


def _disability(code: str) -> tuple[str, str]:
    return code, label("disabilities", code)


class Disability(models.TextChoices):
    """CIN census disability codes; NONE stands alone (rule 8790)."""

    NONE = _disability("NONE")
    MOB = _disability("MOB")
    HAND = _disability("HAND")
    PC = _disability("PC")
    INC = _disability("INC")
    COMM = _disability("COMM")
    LD = _disability("LD")
    HEAR = _disability("HEAR")
    VIS = _disability("VIS")
    BEH = _disability("BEH")
    CON = _disability("CON")
    AUT = _disability("AUT")
    DDA = _disability("DDA")


class RelationshipKind(models.TextChoices):
    """How the other person is related: "Jo is Sam's MOTHER"."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    CARER = "carer", "Carer"
    FOSTER_CARER = "foster_carer", "Foster carer"
    PARTNER = "partner", "Partner"
    CHILD = "child", "Child"
    GRANDCHILD = "grandchild", "Grandchild"
    NIECE_NEPHEW = "niece_nephew", "Niece or nephew"
    CARED_FOR = "cared_for", "Cared-for child"
    SIGNIFICANT_OTHER = "significant_other", "Significant other"
    PROFESSIONAL = "professional", "Professional"
    OTHER = "other", "Other"


# If B is A's mother, A is B's child: the inverse lets one row serve both records.
INVERSE_RELATIONSHIP = {
    "mother": "child",
    "father": "child",
    "parent": "child",
    "step_parent": "child",
    "sibling": "sibling",
    "half_sibling": "half_sibling",
    "grandparent": "grandchild",
    "aunt_uncle": "niece_nephew",
    "carer": "cared_for",
    "foster_carer": "cared_for",
    "partner": "partner",
    "child": "parent",
    "grandchild": "grandparent",
    "niece_nephew": "aunt_uncle",
    "cared_for": "carer",
    # Someone who matters in the child's life (a family friend, a neighbour);
    # the child is not theirs in any named way.
    "significant_other": "other",
    "professional": "other",
    "other": "other",
}


class WarningKind(models.TextChoices):
    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    RISK_TO_CHILD = "risk_to_child", "Risk to children"
    DO_NOT_DISCLOSE_ADDRESS = "address_confidential", "Address must not be disclosed"
    INTERPRETER = "interpreter", "Needs an interpreter"
    OTHER = "other", "Other"


class ImmigrationStatusKind(models.TextChoices):
    """A person's immigration status over time.

    UASC comes from the SSDA903 (children looked after) return: its UASC table
    records a child's unaccompanied asylum-seeking status and DUC, "the date UASC
    status ceased", which may be no later than the child's 18th birthday (903
    validation rule 304). The CIN census factor 9A also names UASC. The other
    codes are Haven's own plain words for the statuses social workers record;
    "other" carries the worker's own description.
    """

    UASC = "uasc", "Unaccompanied asylum-seeking child (UASC)"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker: claim not yet decided"
    REFUGEE = "refugee", "Refugee status or humanitarian protection"
    LIMITED_LEAVE = "limited_leave", "Limited leave to remain"
    SETTLED = "settled", "Indefinite leave to remain or settled status"
    BRITISH = "british", "British citizen"
    OTHER = "other", "Other (describe it)"


class ResponsibilityBasis(models.TextChoices):
    """The legal basis on which someone has parental responsibility for a child.

    Source: Children Act 1989 s.2 (parents married or civil partners at the birth;
    the mother), s.4 (the father), s.4ZA (a second female parent), s.4A (a
    step-parent), s.5 (a guardian), s.12(2) (a child arrangements order), s.14C
    (a special guardian), s.33(3) (a care order: the local authority), s.44(4)
    (an emergency protection order); Adoption and Children Act 2002 s.25
    (placement order) and s.46 (adoption order).
    """

    MOTHER = "mother", "The child's mother (Children Act 1989 s.2(1) and s.2(2)(a))"
    MARRIED = (
        "married",
        "Married to, or the civil partner of, the child's mother at the time of the "
        "birth (s.2(1))",
    )
    REGISTERED = (
        "registered",
        "Registered as the child's father or second female parent on the birth "
        "certificate (s.4(1)(a), s.4ZA(1)(a))",
    )
    AGREEMENT = (
        "agreement",
        "A parental responsibility agreement (s.4(1)(b), s.4ZA(1)(b), step-parent "
        "s.4A(1)(a))",
    )
    PR_ORDER = (
        "pr_order",
        "A parental responsibility order of the court (s.4(1)(c), s.4ZA(1)(c), "
        "step-parent s.4A(1)(b))",
    )
    CHILD_ARRANGEMENTS = (
        "child_arrangements",
        "A child arrangements order naming them as a person the child lives with "
        "(s.12(2))",
    )
    SPECIAL_GUARDIANSHIP = (
        "special_guardianship",
        "A special guardianship order (s.14C(1)(a))",
    )
    GUARDIAN = "guardian", "Appointed as the child's guardian (s.5(6))"
    ADOPTION_ORDER = (
        "adoption_order",
        "An adoption order (Adoption and Children Act 2002 s.46(1))",
    )
    CARE_ORDER = (
        "care_order",
        "A care order or interim care order: the local authority has parental "
        "responsibility, shared with the parents (s.33(3)(a), s.31(11))",
    )
    EMERGENCY_PROTECTION = (
        "emergency_protection",
        "An emergency protection order (s.44(4)(c))",
    )
    PLACEMENT_ORDER = (
        "placement_order",
        "A placement order: the local authority as adoption agency (Adoption and "
        "Children Act 2002 s.25(2))",
    )
    NOT_RECORDED = (
        "not_recorded",
        "Basis not recorded (recorded before Haven asked for the basis)",
    )


# Bases on which the local authority, not a person, holds responsibility.
AUTHORITY_BASES = frozenset(
    {
        ResponsibilityBasis.CARE_ORDER,
        ResponsibilityBasis.EMERGENCY_PROTECTION,
        ResponsibilityBasis.PLACEMENT_ORDER,
    }
)


class UpnUnknown(models.TextChoices):
    """Why a child has no UPN: DfE UPNunknown (CBDS N00135), codes UN1-UN7
    (wording in haven/core/codelists/data/upn_unknown.json, with its caveat).
    UN1 is not for a child of school age (CIN rule 8770Q, SSDA903 rule 209)."""

    UN1 = "UN1", label("upn_unknown", "UN1")
    UN2 = "UN2", label("upn_unknown", "UN2")
    UN3 = "UN3", label("upn_unknown", "UN3")
    UN4 = "UN4", label("upn_unknown", "UN4")
    UN5 = "UN5", label("upn_unknown", "UN5")
    UN6 = "UN6", label("upn_unknown", "UN6")
    UN7 = "UN7", label("upn_unknown", "UN7")
