"""What finance declares to the rest of Haven: its pages under /payments/, the
"Payments" menu entry for finance officers, and its chronology words."""

from haven.core.chronology import describe_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.core.permissions import may_manage_payments
from haven.finance import chronology

mount("payments/", "haven.finance.urls")
menu_entry("Payments", "finance:runs", order=76, shown=may_manage_payments)
describe_events(chronology.WORDS)
import haven.finance.invoices.plugin  # noqa: E402,F401
