"""A care leaver's records: what the authority found when it was in touch (or
tried to be) around each birthday from 17 to 21, the facts the SSDA903 OC3
table reads. The OC3 row itself is derived (haven/care/leavers/oc3.py), and
the care leaver status is never stored (haven/care/leavers/rules.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


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
