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
|               | once to the penny, half up (negative for a recovery)        |
| kind          | payment, arrears, adjustment; or brought_forward and        |
|               | carried_forward for a provider's overpayment (below)        |
| reason        | why an arrears or adjustment line is there, in words        |

After each provider's lines, a `brought_forward` row (amount: minus the
overpayment they owed from earlier runs, recovered now) and a
`carried_forward` row (amount: the overpayment not recovered in this run,
carried to their next) when either is not zero; their placement, day and rate
cells are empty. Amounts are numbers, a recovery's with a minus sign. A
provider's amounts sum to what the run pays them, never less than nothing,
and all the amounts sum to the run's total. The file names no child (the
ledger needs none; finance's pages show the name).

Then the payee's columns (payment, payee, account_name, sort_code,
account_number: haven/finance/bank/ledger.py, the one place the full bank
details are written) on every row, and a row for each one-off payment in the
run (kind `one_off`). Every cell is written through
haven.core.exports, so nothing in it can run as a spreadsheet formula. Only an
approved or closed run has a payment file: a preview pays nothing.
"""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from haven.core.errors import DomainError
from haven.core.exports import SafeWriter
from haven.core.permissions import may_manage_payments, require
from haven.finance.bank import ledger, payees
from haven.finance.models import PaymentRun, ProviderBalance

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
    "kind",
    "reason",
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
    balances = {b.provider_id: b for b in run.balances.all()}
    provider = None
    for line in lines:
        if provider is not None and line.provider != provider:
            yield from _balance_rows(run, provider, balances, accounts)
        provider = line.provider
        yield [
            *_head(run, line.provider),
            line.child.la_child_id,
            line.placement_id,
            line.starts_on.isoformat(),
            (line.ends_on - ONE_DAY).isoformat(),
            line.days,
            _money(line.weekly_rate),
            _money(line.amount),
            line.kind,
            line.reason,
            *accounts.of_line(line),
        ]
    if provider is not None:
        yield from _balance_rows(run, provider, balances, accounts)
    yield from ledger.one_off_rows(run, accounts)


def _money(amount: Decimal) -> Decimal:
    """Pounds to two places, written as a number (a negative number is not a
    formula, so it is not neutralised the way text starting "-" would be)."""
    return amount.quantize(Decimal("0.01"))


def _head(run: PaymentRun, provider: Any) -> list[Any]:
    return [
        run.pk,
        run.starts_on.isoformat(),
        (run.ends_on - ONE_DAY).isoformat(),
        provider.pk,
        provider.name,
        provider.ofsted_urn,
    ]


def _balance_rows(
    run: PaymentRun,
    provider: Any,
    balances: dict[int, ProviderBalance],
    accounts: ledger.Accounts,
) -> Iterator[list[Any]]:
    """The overpayment a provider's lines recover and carry on, as rows (the
    provider is the payee: a balance is the provider's, not a carer's)."""
    balance = balances.get(provider.pk)
    if balance is None:
        return
    empty = ["", "", "", "", "", ""]
    payee = payees.of_placement(provider, None)
    if balance.carried_in:
        yield [*_head(run, provider), "", *empty[:5], _money(-balance.carried_in)] + [
            "brought_forward",
            "Overpayment owed from earlier runs, recovered",
            *accounts.cells(payee, "balance"),
        ]
    if balance.carried_out:
        yield [*_head(run, provider), "", *empty[:5], _money(balance.carried_out)] + [
            "carried_forward",
            "Overpayment not yet recovered, carried to the next run",
            *accounts.cells(payee, "balance"),
        ]


def filename(run: PaymentRun) -> str:
    return f"payments-{run.provider_kind}-{run.starts_on:%Y-%m-%d}-run-{run.pk}.csv"


def write(run: PaymentRun, out: Any, *, by: Any) -> None:
    """The file, written to `out` with every cell made formula-safe."""
    SafeWriter(out).writerows(rows(run, by=by))
