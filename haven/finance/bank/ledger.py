"""The payment file's payee columns (haven/finance/payment_file.py): each
line's payee and their approved bank details, in full. This is the one place
Haven writes the full sort code and account number: the ledger cannot pay
without them. A payee with no approved details has the columns empty (the
run's faults listed them at preview). One-off payments are rows of their own."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from haven.finance.bank import checks, payees
from haven.finance.bank.payees import Payee
from haven.finance.models import PaymentRun

ONE_DAY = dt.timedelta(days=1)
COLUMNS = ("payment", "payee", "account_name", "sort_code", "account_number")


class Accounts:
    """The run's payees' approved details, read once."""

    def __init__(self, run: PaymentRun) -> None:
        self.named = checks.run_payees(run)
        self.details = checks.in_use(self.named)

    def cells(self, payee: Payee, payment: str) -> list[Any]:
        details = self.details.get(payee)
        if details is None:
            return [payment, payee.key, "", "", ""]
        return [
            payment,
            payee.key,
            details.account_name,
            details.sort_code,
            details.account_number,
        ]

    def of_line(self, line: Any) -> list[Any]:
        return self.cells(payees.of_line(line), "placement")


def one_off_rows(run: PaymentRun, accounts: Accounts) -> Iterator[list[Any]]:
    """A row for each one-off payment in the run: the run's cells,
    the payee's provider, the child, no days or rate, the amount, and the
    payee's columns."""
    from haven.finance.oneoff.models import OneOffPayment

    found = OneOffPayment.objects.filter(run=run).select_related("provider", "child")
    for one in found.order_by("provider__name", "provider", "child", "pk"):
        payee = payees.of_placement(one.provider, one.carer_id)
        yield [
            run.pk,
            run.starts_on.isoformat(),
            (run.ends_on - ONE_DAY).isoformat(),
            one.provider_id,
            one.provider.name,
            one.provider.ofsted_urn,
            one.child.la_child_id,
            "",  # no placement: a one-off is for the child, not for days
            "",
            "",
            "",
            "",
            one.amount,
            "one_off",
            one.get_kind_display(),
            *accounts.cells(payee, f"one-off: {one.get_kind_display().lower()}"),
        ]
