"""The payment file: one approved run's lines as CSV, for the council's ledger.

Layout (one header row, then one row per line; the same in
docs/finance-payment-file.md):

| column        | what it holds                                               |
|---------------|-------------------------------------------------------------|
| run           | the run's number in Haven                                   |
| period_from   | the run period's first day (YYYY-MM-DD)                     |
| period_to     | the run period's last day (YYYY-MM-DD, inclusive)           |
| provider_id   | the provider's number in Haven                              |
| provider      | the provider's name                                         |
| provider_urn  | the provider's Ofsted URN, if it has one                    |
| child_id      | the child's LA child ID (their local ID, else "H" + Haven ID)|
| placement_id  | the placement's number in Haven                             |
| from          | the line's first day (YYYY-MM-DD)                           |
| to            | the line's last day (YYYY-MM-DD, inclusive)                 |
| days          | days paid                                                   |
| weekly_rate   | pounds a week, two decimal places                           |
| amount        | pounds, two decimal places: weekly_rate x days / 7, rounded |
|               | once to the penny, half up                                  |

Then the payee's columns (payment, payee, account_name, sort_code,
account_number: haven/finance/bank/ledger.py, the one place the full bank
details are written) and a row for each one-off payment in the run.

The amounts sum to the run's total. The file names no child (the ledger needs
none; finance's pages show the name). Every cell is written through
haven.core.exports, so nothing in it can run as a spreadsheet formula. Only an
approved or closed run has a payment file: a preview pays nothing.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from haven.core.errors import DomainError
from haven.core.exports import SafeWriter
from haven.core.permissions import may_manage_payments, require
from haven.finance.bank import ledger
from haven.finance.models import PaymentRun

COLUMNS = (
    "run",
    "period_from",
    "period_to",
    "provider_id",
    "provider",
    "provider_urn",
    "child_id",
    "placement_id",
    "from",
    "to",
    "days",
    "weekly_rate",
    "amount",
    *ledger.COLUMNS,
)
ONE_DAY = dt.timedelta(days=1)


def rows(run: PaymentRun, *, by: Any) -> Iterator[list[Any]]:
    """The file's rows, header first, for a finance officer."""
    require(may_manage_payments(by), "Only a finance officer may download payments")
    if not run.paid:
        raise DomainError(
            "not_approved", "A run has a payment file once it is approved"
        )
    yield list(COLUMNS)
    accounts = ledger.Accounts(run)
    lines = run.lines.select_related("provider", "child", "placement").order_by(
        "provider__name", "provider", "child", "starts_on"
    )
    for line in lines:
        yield [
            run.pk,
            run.starts_on.isoformat(),
            (run.ends_on - ONE_DAY).isoformat(),
            line.provider_id,
            line.provider.name,
            line.provider.ofsted_urn,
            line.child.la_child_id,
            line.placement_id,
            line.starts_on.isoformat(),
            (line.ends_on - ONE_DAY).isoformat(),
            line.days,
            f"{line.weekly_rate:.2f}",
            f"{line.amount:.2f}",
            *accounts.of_line(line),
        ]
    yield from ledger.one_off_rows(run, accounts)


def filename(run: PaymentRun) -> str:
    return f"payments-{run.provider_kind}-{run.starts_on:%Y-%m-%d}-run-{run.pk}.csv"


def write(run: PaymentRun, out: Any, *, by: Any) -> None:
    """The file, written to `out` with every cell made formula-safe."""
    SafeWriter(out).writerows(rows(run, by=by))
