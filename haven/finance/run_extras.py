"""What payment details and one-off payments add to a payment run, called
once from haven.finance.runs.preview_run, inside its transaction, after the
run's lines are written: the approved one-off payments waiting for this kind
of provider join the run (and its total), and the run's faults gain its
payees' bank details faults (no approved details; details changed shortly
before the run)."""

from typing import Any

from haven.finance.bank import checks
from haven.finance.models import PaymentRun
from haven.finance.oneoff import services as oneoff


def after_preview(run: PaymentRun, *, by: Any) -> None:
    run.total += oneoff.include_in_run(run, by=by)
    run.faults = [*run.faults, *checks.run_faults(run)]
    run.save(update_fields=["total", "faults"])
