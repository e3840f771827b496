"""Records behind access by legitimate relationship: allocations, restrictions,
grants, break-glass and the log of every read."""

from django.conf import settings
from django.db import models

from haven.core.caseroles import CaseRole, ChangeReason
from haven.core.periods import Period

# One holder per role: a transfer ends one allocation on the day the next
# starts (the end is exclusive); roles overlap freely.
ALLOCATION_PERIOD = Period(
    "allocation",
    start="started_on",
    end="ended_on",
    owner=("person", "role"),
    one_open_name="allocation_one_current_per_role",
)


class Allocation(models.Model):
    """A role on a child's case held by a worker in a team, from `started_on` to
    `ended_on`: the social worker, the IRO, the personal adviser...

    History is kept: a transfer ends one allocation and starts the next in the
    same role. Each role has at most one current holder; roles are independent.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="allocations"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
        help_text="Empty while the case sits with the team, unallocated.",
    )
    team = models.ForeignKey(
        "core.Team", on_delete=models.PROTECT, related_name="allocations"
    )
    role = models.CharField(
        max_length=20, choices=CaseRole.choices, default=CaseRole.SOCIAL_WORKER
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    change_reason = models.CharField(
        max_length=6,
        choices=ChangeReason.choices,
        blank=True,
        help_text="DfE SSDA903 SW_REASON: why this holder took over.",
    )
    reason = models.TextField(blank=True)

    period = ALLOCATION_PERIOD

    class Meta:
        ordering = ["person", "-started_on"]
        constraints = ALLOCATION_PERIOD.constraints()
        indexes = [
            # With the role: a work list asks for one role's cases (a team's
            # IROs'), and without it PostgreSQL joined in every allocation of
            # that role from the constraint's index (4 ms a list on team work).
            models.Index(
                fields=["worker", "ended_on", "role"], name="allocation_worker_idx"
            ),
            models.Index(
                fields=["team", "ended_on", "role"], name="allocation_team_idx"
            ),
            # An access check asks about one child: who holds it now.
            models.Index(fields=["person", "ended_on"], name="allocation_person_idx"),
        ]

    def __str__(self) -> str:
        holder = self.worker or self.team
        return f"{self.person_id}: {self.get_role_display()} {holder}"


class Restriction(models.Model):
    """A record closed to everyone but named people (restricted) or roles (sealed).

    Restricted: staff's relatives, high-profile cases; each reader needs a grant.
    Sealed: adoption records; only the roles named on the seal.
    """

    class Kind(models.TextChoices):
        RESTRICTED = "restricted", "Restricted"
        SEALED = "sealed", "Sealed"

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="restriction"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.TextField()
    sealed_for = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="+",
        help_text="The roles allowed to read a sealed record.",
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} record {self.person_id}"


class AccessGrant(models.Model):
    """Explicit permission for one user to read one restricted record."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="access_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_grants"
    )
    reason = models.TextField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "revoked_at"], name="grant_user_idx"),
            # An access check asks about one child and one user.
            models.Index(
                fields=["person", "user", "revoked_at"], name="grant_person_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Grant to {self.user_id} for {self.person_id}"


class BreakGlass(models.Model):
    """Access without a relationship, for a stated reason, for a limited time.

    Every use appears on the managers' break-glass report.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="break_glass"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    reason = models.TextField()
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["user", "expires_at"], name="breakglass_idx"),
            # An access check asks about one child and one user.
            models.Index(
                fields=["person", "user", "expires_at"], name="breakglass_person_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Break-glass by {self.user_id} on {self.person_id}"


class AccessLogEntry(models.Model):
    """One read of a child's record: who, when, what and why."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    what = models.CharField(max_length=120, help_text="The page or API call.")
    why = models.CharField(max_length=200, help_text="The relationship or reason.")

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "-at"], name="accesslog_person_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.person_id} at {self.at}"


class DeniedAccess(models.Model):
    """One refused read of a child's record: who asked for which record, where.

    `asked_for` is the id asked for, not a foreign key: an id that names no
    record is logged too, since trying ids one after another is what a search
    for a secret record looks like.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_for = models.BigIntegerField(help_text="The person id asked for.")
    at = models.DateTimeField()
    what = models.CharField(max_length=120, help_text="The page or API call.")
    route = models.CharField(max_length=200, blank=True, help_text="The URL path.")

    class Meta:
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["-at"], name="denied_at_idx"),
            models.Index(fields=["user", "-at"], name="denied_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} refused {self.asked_for} at {self.at}"
