"""What invoices declare to the rest of Haven: their chronology words (their
pages are under finance's, haven/finance/urls.py)."""

from haven.core.chronology import describe_events
from haven.finance.invoices import chronology

describe_events(chronology.WORDS)
