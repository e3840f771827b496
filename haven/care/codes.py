"""The SSDA903 code lists a looked-after child's records are kept in.

The codes and the DfE's wording are data, in haven/core/codelists/data/
(ssda903_*.json), keyed by collection year (docs/decisions/0008): these choices
hold every code of any year with its latest wording, so a stored code always has
a label, and forms offer the current year's codes. The sets below name the
groups of codes the SSDA903's rules treat alike, each with its rule.
"""

from django.db import models

from haven.core.codelists import label

LEGAL_STATUS = "ssda903_legal_status"
PLACEMENT = "ssda903_placement"
REASON_CEASED = "ssda903_reason_episode_ceased"
REASON_NEW_EPISODE = "ssda903_reason_new_episode"
PLACE_CHANGE = "ssda903_reason_place_change"
PLACE_PROVIDER = "ssda903_place_provider"
MISSING = "ssda903_missing"
# The SSDA903 CIN field (category of need) takes the census's primary need codes
# N1 to N8 (no N0 or N9).
NEED = "cin_primary_need"
NEEDS_903 = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")


class LegalStatusCode(models.TextChoices):
    """SSDA903 LS: the legal basis on which the child is looked after."""

    C1 = "C1", label(LEGAL_STATUS, "C1")
    C2 = "C2", label(LEGAL_STATUS, "C2")
    D1 = "D1", label(LEGAL_STATUS, "D1")
    E1 = "E1", label(LEGAL_STATUS, "E1")
    V2 = "V2", label(LEGAL_STATUS, "V2")
    V3 = "V3", label(LEGAL_STATUS, "V3")
    V4 = "V4", label(LEGAL_STATUS, "V4")
    L1 = "L1", label(LEGAL_STATUS, "L1")
    L2 = "L2", label(LEGAL_STATUS, "L2")
    L3 = "L3", label(LEGAL_STATUS, "L3")
    J1 = "J1", label(LEGAL_STATUS, "J1")
    J2 = "J2", label(LEGAL_STATUS, "J2")
    J3 = "J3", label(LEGAL_STATUS, "J3")


class PlacementType(models.TextChoices):
    """SSDA903 PLACE: the kind of placement (the 2025-26 list drops H5, P2 and
    Z1 and adds Z11 to Z14)."""

    A3 = "A3", label(PLACEMENT, "A3")
    A4 = "A4", label(PLACEMENT, "A4")
    A5 = "A5", label(PLACEMENT, "A5")
    A6 = "A6", label(PLACEMENT, "A6")
    H5 = "H5", label(PLACEMENT, "H5")
    K1 = "K1", label(PLACEMENT, "K1")
    K2 = "K2", label(PLACEMENT, "K2")
    K3 = "K3", label(PLACEMENT, "K3")
    P1 = "P1", label(PLACEMENT, "P1")
    P2 = "P2", label(PLACEMENT, "P2")
    P3 = "P3", label(PLACEMENT, "P3")
    R1 = "R1", label(PLACEMENT, "R1")
    R2 = "R2", label(PLACEMENT, "R2")
    R3 = "R3", label(PLACEMENT, "R3")
    R5 = "R5", label(PLACEMENT, "R5")
    S1 = "S1", label(PLACEMENT, "S1")
    T0 = "T0", label(PLACEMENT, "T0")
    T1 = "T1", label(PLACEMENT, "T1")
    T2 = "T2", label(PLACEMENT, "T2")
    T3 = "T3", label(PLACEMENT, "T3")
    T4 = "T4", label(PLACEMENT, "T4")
    U1 = "U1", label(PLACEMENT, "U1")
    U2 = "U2", label(PLACEMENT, "U2")
    U3 = "U3", label(PLACEMENT, "U3")
    U4 = "U4", label(PLACEMENT, "U4")
    U5 = "U5", label(PLACEMENT, "U5")
    U6 = "U6", label(PLACEMENT, "U6")
    Z1 = "Z1", label(PLACEMENT, "Z1")
    Z11 = "Z11", label(PLACEMENT, "Z11")
    Z12 = "Z12", label(PLACEMENT, "Z12")
    Z13 = "Z13", label(PLACEMENT, "Z13")
    Z14 = "Z14", label(PLACEMENT, "Z14")


class ReasonCeased(models.TextChoices):
    """SSDA903 REC: why an episode ended (X1: a new one started the same day)."""

    X1 = "X1", label(REASON_CEASED, "X1")
    E11 = "E11", label(REASON_CEASED, "E11")
    E12 = "E12", label(REASON_CEASED, "E12")
    E2 = "E2", label(REASON_CEASED, "E2")
    E3 = "E3", label(REASON_CEASED, "E3")
    E4A = "E4A", label(REASON_CEASED, "E4A")
    E4B = "E4B", label(REASON_CEASED, "E4B")
    E13 = "E13", label(REASON_CEASED, "E13")
    E41 = "E41", label(REASON_CEASED, "E41")
    E45 = "E45", label(REASON_CEASED, "E45")
    E46 = "E46", label(REASON_CEASED, "E46")
    E47 = "E47", label(REASON_CEASED, "E47")
    E48 = "E48", label(REASON_CEASED, "E48")
    E5 = "E5", label(REASON_CEASED, "E5")
    E6 = "E6", label(REASON_CEASED, "E6")
    E7 = "E7", label(REASON_CEASED, "E7")
    E8 = "E8", label(REASON_CEASED, "E8")
    E9 = "E9", label(REASON_CEASED, "E9")
    E14 = "E14", label(REASON_CEASED, "E14")
    E15 = "E15", label(REASON_CEASED, "E15")
    E16 = "E16", label(REASON_CEASED, "E16")
    E17 = "E17", label(REASON_CEASED, "E17")


class ReasonNewEpisode(models.TextChoices):
    """SSDA903 RNE: what changed when an episode started. Derived, never typed."""

    S = "S", label(REASON_NEW_EPISODE, "S")
    L = "L", label(REASON_NEW_EPISODE, "L")
    P = "P", label(REASON_NEW_EPISODE, "P")
    T = "T", label(REASON_NEW_EPISODE, "T")
    U = "U", label(REASON_NEW_EPISODE, "U")
    B = "B", label(REASON_NEW_EPISODE, "B")


class PlaceChangeReason(models.TextChoices):
    """SSDA903 REASON_PLACE_CHANGE: why a placement ended in a move."""

    CARPL = "CARPL", label(PLACE_CHANGE, "CARPL")
    CLOSE = "CLOSE", label(PLACE_CHANGE, "CLOSE")
    ALLEG = "ALLEG", label(PLACE_CHANGE, "ALLEG")
    STAND = "STAND", label(PLACE_CHANGE, "STAND")
    APPRR = "APPRR", label(PLACE_CHANGE, "APPRR")
    CREQB = "CREQB", label(PLACE_CHANGE, "CREQB")
    CREQO = "CREQO", label(PLACE_CHANGE, "CREQO")
    CHILD = "CHILD", label(PLACE_CHANGE, "CHILD")
    LAREQ = "LAREQ", label(PLACE_CHANGE, "LAREQ")
    PLACE = "PLACE", label(PLACE_CHANGE, "PLACE")
    CUSTOD = "CUSTOD", label(PLACE_CHANGE, "CUSTOD")
    OTHER = "OTHER", label(PLACE_CHANGE, "OTHER")


class PlaceProvider(models.TextChoices):
    """SSDA903 PLACE_PROVIDER: who provides the placement."""

    PR0 = "PR0", label(PLACE_PROVIDER, "PR0")
    PR1 = "PR1", label(PLACE_PROVIDER, "PR1")
    PR2 = "PR2", label(PLACE_PROVIDER, "PR2")
    PR3 = "PR3", label(PLACE_PROVIDER, "PR3")
    PR4 = "PR4", label(PLACE_PROVIDER, "PR4")
    PR5 = "PR5", label(PLACE_PROVIDER, "PR5")


class MissingKind(models.TextChoices):
    """SSDA903 MISSING: missing, or away from placement without authorisation."""

    M = "M", label(MISSING, "M")
    A = "A", label(MISSING, "A")


# --- groups the SSDA903's rules treat alike ----------------------------------

# Short breaks: looked after under an agreed series of short-term breaks. The
# DfE leaves them out of the children looked after on a date (31 March) and of
# the continuously looked after (returns.md 2.7).
SHORT_BREAKS = frozenset({"V3", "V4"})
# V3 records each break as its own episode, and a child cannot change placement
# during one (rule 366: every V3 episode has RNE S).
ONE_EPISODE_BREAKS = frozenset({"V3"})

# Placed for adoption under a placement order, or a freeing order with consent
# dispensed with: needs a placement order (E1, rule 408) or a freeing order (D1,
# the DfE's wording of A5 and A6).
UNDER_PLACEMENT_ORDER = frozenset({"A5", "A6"})
PLACEMENT_ORDERS = frozenset({"E1", "D1"})
# Placed for adoption with parental consent (Adoption and Children Act 2002 s19)
# or a freeing order given with consent: the child is accommodated (V2), in care
# (C2) or freed (D1); under a placement order the placement is A5 or A6 instead.
WITH_CONSENT = frozenset({"A3", "A4"})
CONSENT_STATUSES = frozenset({"V2", "C2", "D1"})

# Placed for adoption: the row holds these words, never the adopters' address.
FOR_ADOPTION = frozenset({"A3", "A4", "A5", "A6"})
ADOPTION_ADDRESS = "Placed for adoption, address held by the adoption team"

# Temporary placements: no reason for the placement change when one ends (226).
TEMPORARY = frozenset({"T0", "T1", "T2", "T3", "T4"})
# Placed with parents: the provider is PR0 and there is no provider record.
WITH_PARENTS = frozenset({"P1"})
# Foster placements: a foster carer is named.
FOSTERING = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
# No Ofsted URN for these (rule 222).
NO_URN = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"}
    | {"Z11", "Z12", "Z13", "Z14"}
)
# The youngest a child may be placed in these (rules 371 to 374).
MINIMUM_AGE = {"K3": 16, "P3": 14, "R5": 10, "S1": 4}


def provider_left_blank(place: str, year: int) -> bool:
    """Whether PLACE_PROVIDER is blank for a placement type in a collection year
    (rule 178: T0 to T3 and Z11 to Z14 from 2025-26; T0 to T4 and Z1 before)."""
    if year >= 2026:
        return place in {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"}
    return place in {"T0", "T1", "T2", "T3", "T4", "Z1"}
