"""Where a child went between services: the links the front door, children in
need and early help do not hold themselves, because each sits below the next."""

from django.db import models


class DecisionOutcome(models.Model):
    """What a front-door decision for one child started or joined: a children
    in need episode (a referral, a strategy discussion) or an early help
    request. `passed_to_open` on the decision says whether it joined work
    already open rather than starting it."""

    decision = models.OneToOneField(
        "frontdoor.ContactChild", on_delete=models.PROTECT, related_name="outcome"
    )
    episode = models.ForeignKey(
        "cin.CinEpisode",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="front_door_decisions",
    )
    early_help_request = models.ForeignKey(
        "earlyhelp.EarlyHelpRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="front_door_decisions",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(episode__isnull=True)
                | models.Q(early_help_request__isnull=True),
                name="decision_outcome_one_service",
            )
        ]

    def __str__(self) -> str:
        return f"Outcome of {self.decision}"
