"""The run page's part for payment details and one-off payments (issue 17):
bank details changed shortly before the run (live, with the policy's source),
the run's one-off payments, and a remittance advice link for each payee.
Drawn by one tag line in finance/run.html."""

from typing import Any

from django import template

from haven.finance.bank import checks
from haven.finance.models import PaymentRun
from haven.finance.oneoff.models import OneOffPayment
from haven.finance.remittance.advice import summaries

register = template.Library()


@register.inclusion_tag("finance/bank/_run_extras.html", takes_context=True)
def run_extras(context: Any, run: PaymentRun) -> dict[str, Any]:
    user = context["request"].user
    named = checks.run_payees(run)
    advices = summaries(user, run, named)
    names = {a.key: a.name for a in advices}
    rows = OneOffPayment.objects.filter(run=run).select_related("provider")
    return {
        "run": run,
        "changes": checks.recent_changes(run, named),
        "policy": checks.policy_words(),
        "one_offs": [
            {"name": names.get(_key(r), ""), "payment": r} for r in rows.order_by("pk")
        ],
        "advices": advices,
    }


def _key(payment: OneOffPayment) -> str:
    return f"c{payment.carer_id}" if payment.carer_id else f"p{payment.provider_id}"
