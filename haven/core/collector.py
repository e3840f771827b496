"""Python's cyclic garbage collector, settled once a process has loaded Haven.

A full collection scans every object the process holds: Django's apps, the URL
patterns, the code lists, the templates, and all a request made. On a page
that builds thousands of rows (the whereabouts board at a large authority) the
full passes that fall inside it doubled its time at the 95th percentile, while
the median was in budget (measured by bench.board: p95 178 ms against a median
of 88 ms; with the collector off, 87 ms). What start-up made lives as long as
the process, so it is frozen out of the collector's scans (gc.freeze, which
Python's documentation advises for servers that load before they serve);
requests' cycles are still collected.

The first requests a process serves fill caches that also live as long as it
does (each compiled query, the templates, URL lookups): tens of thousands of
objects, which every full collection then scanned again. Measured on the
board after a mix of other pages, a full pass fell inside one request in three
and took 13 to 28 ms of it; with what the first requests left frozen as well,
2 to 3 ms. So the process freezes once more when it has served
SETTLE_AGAIN_AFTER requests, after a full collection (so nothing a request
left behind is frozen)."""

import gc
import itertools
from typing import Any

from django.core.signals import request_finished

# Requests a process serves before it freezes what they left alive.
SETTLE_AGAIN_AFTER = 50

_served = itertools.count(1)
UID = "haven.collector"


def settle() -> None:
    """Load the URL patterns, then freeze everything loaded so far; freeze
    again once the first requests have filled the caches."""
    from django.urls import get_resolver

    global _served
    get_resolver().url_patterns  # noqa: B018 (loads every app's views)
    _freeze()
    _served = itertools.count(1)
    request_finished.connect(_settle_again, dispatch_uid=UID)


def _settle_again(**_kwargs: Any) -> None:
    if next(_served) == SETTLE_AGAIN_AFTER:
        _freeze()
        request_finished.disconnect(dispatch_uid=UID)


def _freeze() -> None:
    gc.collect()
    gc.freeze()
