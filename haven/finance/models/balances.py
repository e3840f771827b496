"""What each provider was due, and paid, in each run: the record that carries
an overpayment from run to run until it is recovered."""

from decimal import Decimal

from django.db import models
from django.db.models import Q

from haven.finance.models.rates import money
from haven.finance.models.runs import PaymentRun


class ProviderBalance(models.Model):
    """One provider in one run: `due` is the sum of its lines (negative when
    recoveries outweigh what is owed); `carried_in` is what the provider owed
    from earlier runs; `paid_out` = max(due - carried_in, 0) is what the payment
    file pays; `carried_out` = max(carried_in - due, 0) is the overpayment it
    still owes, carried to its next run. `arose_in` is the run where that debt
    first arose (its age is counted from there). Written at preview; it counts
    once the run is approved."""

    run = models.ForeignKey(
        PaymentRun, on_delete=models.PROTECT, related_name="balances"
    )
    provider = models.ForeignKey(
        "care.Provider", on_delete=models.PROTECT, related_name="balances"
    )
    due = money()
    carried_in = money()
    paid_out = money()
    carried_out = money()
    arose_in = models.ForeignKey(
        PaymentRun,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The run where the overpayment still owed arose; empty when "
        "nothing is owed.",
    )

    class Meta:
        ordering = ("run", "provider")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "provider"], name="finance_balance_one_per_run"
            ),
            models.CheckConstraint(
                condition=Q(carried_in__gte=Decimal("0.00"))
                & Q(paid_out__gte=Decimal("0.00"))
                & Q(carried_out__gte=Decimal("0.00")),
                name="finance_balance_not_negative",
            ),
            # Due less what was owed is either paid out or carried, never both.
            models.CheckConstraint(
                condition=Q(paid_out=Decimal("0.00")) | Q(carried_out=Decimal("0.00")),
                name="finance_balance_paid_or_carried",
            ),
        ]

    def __str__(self) -> str:
        return f"Due £{self.due}, paid £{self.paid_out}, owed £{self.carried_out}"
