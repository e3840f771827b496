"""Code lists for early help.

These are LOCAL codes: no DfE code list exists for early help (early help is not
in the CIN census; Ofsted's Annex A list 2 asks only for early help assessment
start and completion dates and the organisation completing). The closure
outcomes below are Haven's own, chosen so that "stepped up to social care" can
be counted, which councils are asked about in inspections.
"""

from django.db import models


class RequestSource(models.TextChoices):
    """Where a request for early help came from (local codes)."""

    CONTACT = "contact", "Front door decision on a contact"
    STEP_DOWN = "step_down", "Stepped down from children's social care"
    DIRECT = "direct", "A professional asked the early help team"


class ClosureOutcome(models.TextChoices):
    """Why an early help episode ended (local codes: no DfE list exists)."""

    NEEDS_MET = "needs_met", "Needs met"
    # Needs met, and what support the family still needs comes from universal
    # services (school, GP, health visitor, children's centre): counted apart so
    # the service can see how often families leave early help with such support.
    UNIVERSAL = (
        "universal",
        "Stepped down to universal services (needs met, support from universal "
        "services)",
    )
    STEP_UP = "step_up", "Stepped up to children's social care"
    FAMILY_DECLINED = "family_declined", "Family declined early help"
    MOVED_AWAY = "moved_away", "Family moved away"
    OTHER = "other", "Other"
