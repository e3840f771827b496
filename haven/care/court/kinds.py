"""The lists court records are kept in: the kinds of application, the kinds of
order with the SSDA903 legal status (LS) each gives a looked-after child, and
the outcomes of proceedings. Police protection is not a court order, but it is
recorded with them because a legal status (L1) follows from it.

Which order gives which status is read from the LS code list's wording
(haven/core/codelists/data/ssda903_legal_status.json): C1 interim care order,
C2 full care order, D1 freeing order, E1 placement order, L1 police protection,
L2 emergency protection order, L3 child assessment order."""

from django.db import models

from haven.care.codes import ReasonCeased


class ProceedingsKind(models.TextChoices):
    """What the application to the court asks for."""

    CARE = "care", "Care order (Children Act 1989 s31)"
    SUPERVISION = "supervision", "Supervision order (Children Act 1989 s31)"
    PLACEMENT = "placement", "Placement order (Adoption and Children Act 2002 s21)"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order (Children Act 1989 s14A)"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order (Children Act 1989 s8)"
    EMERGENCY_PROTECTION = "epo", "Emergency protection order (Children Act 1989 s44)"
    CHILD_ASSESSMENT = "assessment", "Child assessment order (Children Act 1989 s43)"


class OrderKind(models.TextChoices):
    """The order the court made (or police protection, which it did not)."""

    POLICE_PROTECTION = "police", "Police protection (s46, not a court order)"
    EMERGENCY_PROTECTION = "epo", "Emergency protection order"
    CHILD_ASSESSMENT = "assessment", "Child assessment order"
    INTERIM_CARE = "ico", "Interim care order"
    CARE = "care", "Full care order"
    INTERIM_SUPERVISION = "iso", "Interim supervision order"
    SUPERVISION = "supervision", "Supervision order"
    PLACEMENT = "placement", "Placement order"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    FREEING = "freeing", "Freeing order (before 30 December 2005)"


class Outcome(models.TextChoices):
    """How the proceedings were decided."""

    ORDER_MADE = "order", "A final order was made"
    NO_ORDER = "no_order", "No order was made"
    REFUSED = "refused", "The application was refused"
    WITHDRAWN = "withdrawn", "The application was withdrawn"


# The legal status a looked-after child has under each order.
LEGAL_STATUS = {
    OrderKind.POLICE_PROTECTION: "L1",
    OrderKind.EMERGENCY_PROTECTION: "L2",
    OrderKind.CHILD_ASSESSMENT: "L3",
    OrderKind.INTERIM_CARE: "C1",
    OrderKind.CARE: "C2",
    OrderKind.FREEING: "D1",
    OrderKind.PLACEMENT: "E1",
}
# The order each of those legal statuses needs: every status here has one.
ORDER_FOR = {code: kind for kind, code in LEGAL_STATUS.items()}
NEEDS_AN_ORDER = frozenset(ORDER_FOR)

# Orders that end a looked-after child's care, with the reason (SSDA903 REC).
# A special guardianship order's reason depends on who the guardians are
# (E45 to E48), asked on the form.
SPECIAL_GUARDIANS = (
    ReasonCeased.E45,
    ReasonCeased.E46,
    ReasonCeased.E47,
    ReasonCeased.E48,
)
ENDS_CARE = {OrderKind.CHILD_ARRANGEMENTS: ReasonCeased.E41}

# Short or interim orders, which end when a later order takes their place
# (an interim order also ends when the proceedings are decided, s38(4)).
SUPERSEDED = frozenset(
    {
        OrderKind.POLICE_PROTECTION,
        OrderKind.EMERGENCY_PROTECTION,
        OrderKind.CHILD_ASSESSMENT,
        OrderKind.INTERIM_CARE,
        OrderKind.INTERIM_SUPERVISION,
    }
)
INTERIM = frozenset({OrderKind.INTERIM_CARE, OrderKind.INTERIM_SUPERVISION})
# A care or supervision order cannot be made for a child of 17 or over
# (Children Act 1989 s31(3)); a placement order for one of 18 or over (ACA
# 2002 s21, a "child" is under 18).
CARE_OR_SUPERVISION = frozenset(
    {
        OrderKind.INTERIM_CARE,
        OrderKind.CARE,
        OrderKind.INTERIM_SUPERVISION,
        OrderKind.SUPERVISION,
    }
)
NOT_FROM_AGE = {**dict.fromkeys(CARE_OR_SUPERVISION, 17), OrderKind.PLACEMENT: 18}
# Proceedings the 26-week limit applies to (s32(1)(a)).
UNDER_26_WEEKS = frozenset({ProceedingsKind.CARE, ProceedingsKind.SUPERVISION})
# Orders made without a court (no court to name).
NO_COURT = frozenset({OrderKind.POLICE_PROTECTION})
