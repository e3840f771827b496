"""A care leaver's records: what the authority found when it was in touch (or
tried to be) around each birthday from 17 to 21, the facts the SSDA903 OC3
table reads. The OC3 row itself is derived (haven/care/leavers/oc3.py), and
the care leaver status is never stored (haven/care/leavers/rules.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from haven.care.models.plans import PlanVersion, _chain


class BirthdayContact(models.Model):
    """At the care leaver's birthday (`age` 17 to 21): whether the authority
    was in touch (SSDA903 IN_TOUCH), their main activity (ACTIV) and their
    accommodation with whether it suits them (ACCOM). Codes and wording are the
    code lists' (ssda903_in_touch, ssda903_activity, ssda903_accommodation)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    age = models.PositiveSmallIntegerField(help_text="The birthday: 17 to 21.")
    in_touch = models.CharField(max_length=4, help_text="SSDA903 IN_TOUCH.")
    activity = models.CharField(max_length=2, help_text="SSDA903 ACTIV.")
    accommodation = models.CharField(max_length=2, help_text="SSDA903 ACCOM.")
    contacted_on = models.DateField(
        help_text="The day the authority was in touch, or last tried to be."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("age", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("person", "age"), name="care_birthday_contact_once"
            ),
            models.CheckConstraint(
                condition=Q(age__gte=17) & Q(age__lte=21),
                name="care_birthday_contact_age",
            ),
        ]

    def __str__(self) -> str:
        return f"Keeping in touch at {self.age}"


class PathwayPlan(PlanVersion):
    """One version of a relevant or former relevant young person's pathway
    plan (Care Leavers (England) Regulations 2010 reg 6 and Schedule 1; for an
    eligible child part of the care plan, CPPCR reg 43). A chain of versions
    like the care plan's: version 1 supersedes nothing, every later version
    supersedes one and says what changed and why."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    accommodation = models.TextField(help_text="Where they will live, and support.")
    education = models.TextField(help_text="Education, training and employment.")
    health = models.TextField(help_text="Health and emotional wellbeing.")
    relationships = models.TextField(help_text="Family and social relationships.")
    finance = models.TextField(help_text="Money: income, budgeting and support.")
    contingency = models.TextField(help_text="What happens if the plan breaks down.")

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(
                fields=("person", "number"), name="care_pathway_plan_number"
            ),
            _chain("care_pathway_plan_chain"),
        ]

    def __str__(self) -> str:
        return f"Pathway plan, version {self.number}"


class PathwayReview(models.Model):
    """A review of the pathway plan (CLR reg 7): at least every six months,
    and when the young person asks or the adviser thinks it necessary."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    outcome = models.TextField(help_text="What the review found and decided.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"Pathway plan review on {self.held_on:%-d %B %Y}"


class NeedsAssessment(models.Model):
    """A leaving care needs assessment (CPPCR 2010 reg 42 for an eligible
    child; CLR 2010 reg 5 for a relevant child without a pathway plan): when
    it was completed, who carried it out, and the young person's needs in
    short under the headings reg 42(2) asks the authority to consider. The
    pathway plan is written from it (CPPCR reg 43)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    completed_on = models.DateField()
    assessor = models.CharField(
        max_length=200, help_text="Who carried out the assessment."
    )
    health = models.TextField(help_text="Health and development.")
    education = models.TextField(help_text="Education, training and employment.")
    support = models.TextField(help_text="Support from family and others.")
    finance = models.TextField(help_text="Money, and managing it.")
    skills = models.TextField(help_text="Practical skills for living independently.")
    accommodation = models.TextField(help_text="Care, support and accommodation.")
    wishes = models.TextField(help_text="The young person's wishes and feelings.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-completed_on", "-pk")

    def __str__(self) -> str:
        return f"Needs assessment completed on {self.completed_on:%-d %B %Y}"


class PathwayReviewBooking(models.Model):
    """The day the next pathway plan review is booked for (CLR 2010 reg 7):
    the personal adviser visits the young person before it (reg 8(2)(b))."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    review_on = models.DateField()
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"Pathway plan review booked for {self.review_on:%-d %B %Y}"


class ReturnToEducation(models.Model):
    """A former relevant young person told the authority they are pursuing,
    or want to pursue, a programme of education or training (Children Act
    1989 s23CA): their needs are assessed within three months (CLR 2010
    reg 5(2)(b))."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+"
    )
    notified_on = models.DateField()
    programme = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-notified_on", "-pk")

    def __str__(self) -> str:
        return f"Return to education told on {self.notified_on:%-d %B %Y}"
