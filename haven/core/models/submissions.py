"""Forms already submitted, so a retried submit is not recorded twice."""

from django.conf import settings
from django.db import models


class Submission(models.Model):
    """One submit of a form page, by its one-time token, and the page it led to.

    Written in the same transaction as what the submit recorded, so a token is
    here exactly when its record is; a repeat of the submit (a retry after a
    dropped connection, a double click) is sent to `url` instead of recording
    again (haven.core.once).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.UUIDField()
    url = models.CharField(max_length=500)
    submitted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "token"], name="one_record_per_submission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.token} -> {self.url}"
