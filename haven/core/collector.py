"""Python's cyclic garbage collector, settled once a process has loaded Haven.

A full collection scans every object the process holds: Django's apps, the URL
patterns, the code lists, the templates, and all a request made. On a page
that builds thousands of rows (the whereabouts board at a large authority) the
full passes that fall inside it doubled its time at the 95th percentile, while
the median was in budget (measured by bench.board: p95 178 ms against a median
of 88 ms; with the collector off, 87 ms). What start-up made lives as long as
the process, so it is frozen out of the collector's scans (gc.freeze, which
Python's documentation advises for servers that load before they serve);
requests' cycles are still collected."""

import gc


def settle() -> None:
    """Load the URL patterns, then freeze everything loaded so far."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loads every app's views)
    gc.collect()
    gc.freeze()
