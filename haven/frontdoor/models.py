"""Contacts: someone got in touch with children's social care about children."""

from django.conf import settings
from django.db import models

from haven.frontdoor.codes import (
    AdultRole,
    Agency,
    ConsentStatus,
    ContactMethod,
    Decision,
    ReferralSource,
    Urgency,
)


class Contact(models.Model):
    """One contact, which may name several children (siblings, say).

    Each child named gets its own decision (ContactChild), since the outcome for
    one child need not be the outcome for the others.
    """

    received_at = models.DateTimeField(help_text="When the contact reached us.")
    source = models.CharField(
        max_length=2,
        choices=ReferralSource.choices,
        help_text="DfE CIN census ReferralSource.",
    )
    referrer_name = models.CharField(max_length=120, blank=True)
    referrer_role = models.CharField(max_length=120, blank=True)
    referrer_organisation = models.CharField(max_length=160, blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    concerns = models.TextField(help_text="The presenting concerns, as told.")
    # The basis information about the child is shared on (codes.ConsentStatus).
    consent = models.CharField(max_length=20, choices=ConsentStatus.choices)
    consent_reason = models.TextField(
        blank=True,
        help_text="Why consent was not sought, or why it was shared without it.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    # The referrer is acknowledged within the one working day (REF-DECISION), or
    # the reason it was not possible is kept (an anonymous contact, say).
    acknowledged_on = models.DateField(null=True, blank=True)
    acknowledged_how = models.CharField(
        max_length=10, choices=ContactMethod.choices, blank=True
    )
    acknowledgement_not_possible = models.TextField(blank=True)
    # Feedback to the referrer on the decision, given after it.
    feedback_on = models.DateField(null=True, blank=True)
    feedback_how = models.CharField(
        max_length=10, choices=ContactMethod.choices, blank=True
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["received_at"], name="contact_received_idx")]

    def __str__(self) -> str:
        return f"Contact {self.pk} received {self.received_at:%-d %B %Y}"

    @property
    def acknowledgement_recorded(self) -> bool:
        return bool(self.acknowledged_on or self.acknowledgement_not_possible)


class ContactChild(models.Model):
    """A child named in a contact, and the decision on what happens next for them."""

    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="children"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="frontdoor_contacts"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    reasoning = models.TextField(blank=True)
    # The level's words from the council's continuum of need (thresholds.py).
    threshold = models.CharField(max_length=80, blank=True)
    urgency = models.CharField(max_length=5, choices=Urgency.choices, blank=True)
    # The specialist service asked to assess (a specialist assessment decision).
    specialist_service = models.CharField(max_length=160, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # What the decision started or joined is kept by the services it went to
    # (haven.pathways.models.DecisionOutcome): they sit above the front door.
    # True when the child already had an open episode (or early help request) and
    # the decision was passed to it rather than starting a new one.
    passed_to_open = models.BooleanField(default=False)

    class Meta:
        ordering = ["contact__received_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "person"], name="contact_names_child_once"
            )
        ]
        indexes = [models.Index(fields=["decision"], name="contact_child_decision_idx")]

    def __str__(self) -> str:
        return f"{self.person} in contact {self.contact_id}"

    @property
    def is_decided(self) -> bool:
        return bool(self.decision)

    @property
    def passed_to_words(self) -> str:
        """What the decision joined, in words, when it started nothing new."""
        if not self.passed_to_open:
            return ""
        if self.decision == Decision.EARLY_HELP:
            return "Passed to the open early help request"
        return "Passed to the open child in need episode"


class AgencyCheck(models.Model):
    """A multi-agency check: what another agency knows, asked for a contact.

    Outstanding checks are shown on the decision page; they do not hold the
    decision up (the one working day does not wait for other agencies).
    """

    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="checks"
    )
    agency = models.CharField(max_length=10, choices=Agency.choices)
    agency_detail = models.CharField(
        max_length=120, blank=True, help_text="Which agency, for 'other'."
    )
    requested_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    returned_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True, help_text="What the agency told us.")

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"{self.agency_words} check for contact {self.contact_id}"

    @property
    def agency_words(self) -> str:
        return self.agency_detail or self.get_agency_display()


class ContactPerson(models.Model):
    """An adult named on a contact (a parent or carer, the alleged perpetrator),
    each a person in the register."""

    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="adults"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="frontdoor_named_in"
    )
    role = models.CharField(max_length=10, choices=AdultRole.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "person", "role"], name="contact_names_adult_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display().lower()})"
