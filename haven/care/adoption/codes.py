"""The SSDA903 codes of the adoption tables (returns.md 2.5): why a plan for
adoption ceased (REASON_PLACED_CEASED), the adopters' number, sexes and legal
status (AD1 NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) and previous permanence
(PREV_PERM). WORDING NOT YET CHECKED against the DfE guide: Haven's summary of
the DfE's meaning; correct it here, in one place, before users see it."""

from django.db import models


class PlanCeased(models.TextChoices):
    """SSDA903 REASON_PLACED_CEASED: why the child should no longer be placed
    for adoption."""

    RD1 = "RD1", "The child's needs changed after the decision"
    RD2 = "RD2", "The court did not make a placement order"
    RD3 = "RD3", "Prospective adopters could not be found"
    RD4 = "RD4", "Any other reason"


class AdoptersSex(models.TextChoices):
    """SSDA903 SEX_ADOPTR."""

    M1 = "M1", "A single male adopter"
    F1 = "F1", "A single female adopter"
    MM = "MM", "Two male adopters"
    FF = "FF", "Two female adopters"
    MF = "MF", "A male and a female adopter"


class AdoptersStatus(models.TextChoices):
    """SSDA903 LS_ADOPTR: the adopters' legal status."""

    L0 = "L0", "A single adopter"
    L11 = "L11", "A couple of different sexes, not married or civil partners"
    L12 = "L12", "A couple of the same sex, not married or civil partners"
    L2 = "L2", "A couple in a civil partnership"
    L3 = "L3", "A married couple of different sexes"
    L4 = "L4", "A married couple of the same sex"


class PreviousPermanence(models.TextChoices):
    """SSDA903 PREV_PERM: the permanence order a child returning to care had
    before."""

    P1 = "P1", "Adoption"
    P2 = "P2", "Special guardianship order"
    P3 = "P3", "Residence order or child arrangements order (lives with)"
    P4 = "P4", "Special guardianship order made to former foster carers"
    Z1 = "Z1", "None, or not known"


# Couples' legal statuses and the sexes each allows (rules 514 to 524).
SEXES_FOR = {
    "L0": ("M1", "F1"),
    "L11": ("MF",),
    "L3": ("MF",),
    "L12": ("MM", "FF"),
    "L4": ("MM", "FF"),
    "L2": ("MM", "FF", "MF"),
}
# Placed for adoption (SSDA903 PLACE A3 to A6) and the adoption order's REC.
FOR_ADOPTION = ("A3", "A4", "A5", "A6")
ADOPTED = ("E11", "E12")
# Authority to place: a placement order (E1) or a freeing order (D1) in force.
AUTHORITY = ("E1", "D1")
