"""Bursts of refused reads or break-glass uses, raised to the information
governance lead as they happen rather than found later on the report."""

from django.conf import settings
from django.db import models


class BurstAlert(models.Model):
    """One user's burst in one hour: raised once, when the count reaches the
    local limit, and shown as new to each reviewer until they read the report."""

    class What(models.TextChoices):
        DENIALS = "denials", "Refused reads"
        BREAK_GLASS = "break_glass", "Break-glass uses"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    what = models.CharField(max_length=20, choices=What.choices)
    hour = models.DateTimeField(help_text="The start of the hour of the burst.")
    count = models.PositiveIntegerField(help_text="The count that raised it.")
    raised_at = models.DateTimeField()
    seen_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True
    )

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            # Two refusals at once both reaching the limit raise one alert.
            models.UniqueConstraint(
                fields=["user", "what", "hour"], name="one_alert_per_burst_hour"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_what_display()} by {self.user_id} at {self.hour}"
