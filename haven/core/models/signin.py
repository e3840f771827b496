"""Failed sign-ins and the locks they lead to, kept in the database so every
server process counts the same attempts (a count in memory would give each
gunicorn worker its own allowance)."""

from django.db import models


class SignInFailure(models.Model):
    """One wrong password (or unknown username), by the name typed and the
    address it came from."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip_address} at {self.at}"


class SignInLock(models.Model):
    """Sign-in refused for a username, or for every username from an address,
    until a time. An administrator unlocks by deleting the lock."""

    username = models.CharField(max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    locked_at = models.DateTimeField()
    until = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-locked_at"]
        verbose_name = "sign-in lock"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(username="") | models.Q(ip_address__isnull=False),
                name="sign_in_lock_names_a_username_or_address",
            )
        ]

    def __str__(self) -> str:
        return self.username or f"address {self.ip_address}"
