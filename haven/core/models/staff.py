"""Staff, teams and the demo marker: who works in the authority and where."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse


class Team(models.Model):
    """A unit of the children's services department: a service or a team within one.

    Services contain teams; workers belong to a team; managers manage a team or a
    service, and through a service every team beneath it.
    """

    class Kind(models.TextChoices):
        SERVICE = "service", "Service"
        TEAM = "team", "Team"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEAM)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The service this team belongs to.",
    )
    managers = models.ManyToManyField(
        "core.User", blank=True, related_name="managed_teams"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")),
                name="team_not_its_own_parent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Team"]:
        """This team's services, nearest first."""
        found: list[Team] = []
        parent = self.parent
        while parent is not None and parent not in found:
            found.append(parent)
            parent = parent.parent
        return found


class User(AbstractUser):
    """A member of staff who signs in to Haven. Roles are Django groups."""

    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    job_title = models.CharField(max_length=120, blank=True)
    swe_number = models.CharField(
        "Social Work England registration number",
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(
                r"^SW[0-9]{1,10}$",
                "Enter the registration number as it appears on the register, "
                "for example SW123456",
            )
        ],
        help_text="For example SW123456. The SSDA903 social worker table needs it.",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        permissions = [
            ("view_case_record", "Can open children's case records"),
            ("record_casework", "Can record casework for children"),
            ("manage_team_cases", "Can allocate and oversee a team's cases"),
            ("record_contacts", "Can record and decide contacts at the front door"),
            ("record_early_help", "Can work early help cases"),
            ("review_looked_after", "Can review looked-after children's care plans"),
            ("chair_conferences", "Can chair child protection conferences"),
            (
                "support_education",
                "Can record looked-after children's education for the virtual school",
            ),
            (
                "administer_conferences",
                "Can arrange child protection conferences and keep their records",
            ),
            ("manage_payments", "Can manage placement payments"),
            ("manage_ehc_plans", "Can manage EHC needs assessments and plans"),
            ("view_performance", "Can view performance reports and returns"),
            ("manage_reference_data", "Can manage staff, teams and reference data"),
            (
                "review_access",
                "Can review denied reads and break-glass across the authority",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("home")


class DemoDatabase(models.Model):
    """Marks a database that seed_demo created. Demo logins exist only where it is."""

    created_at = models.DateTimeField(auto_now_add=True)
    seed = models.IntegerField()
    children = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"Demo database (seed {self.seed}, {self.children} children)"
