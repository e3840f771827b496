"""Checks the plan's changes share: a live final plan, a DfE LA code, the
plan locked for the write."""

import re

from haven.core.errors import Failures
from haven.send.models import EhcPlan

_LA_CODE = re.compile(r"\d{3}", re.ASCII)


def locked_plan(plan: EhcPlan) -> EhcPlan:
    return EhcPlan.objects.select_for_update().get(pk=plan.pk)


def check_live(failures: Failures, plan: EhcPlan, doing: str) -> None:
    """The plan is final and has not ceased: `doing` is what cannot be done."""
    if plan.issued_on is None:
        failures.add("not_final", f"The plan must be issued before you {doing}")
    elif plan.ceased_on is not None:
        failures.add("plan_ceased", f"The plan has ceased: you cannot {doing}")


def check_la(failures: Failures, code: str, *, field: str, what: str) -> str:
    """A 3-digit DfE local authority code (SEN2 TransferLA, Exported)."""
    cleaned = code.strip()
    if not cleaned:
        failures.add("la_required", f"Enter the {what}'s 3-digit DfE code", field)
    elif not _LA_CODE.fullmatch(cleaned):
        failures.add(
            "la_invalid", f"The {what}'s DfE code is 3 digits, for example 202", field
        )
    return cleaned
