"""A user's access rules, built once and shared between their requests.

Building a user's relationship filters and compiling the one-record access
query costs 10-20 ms of Python, on every page, while running it costs the
database a fraction of a millisecond. The filters bake in a few facts about
the user (the day, their roles, their team and the teams they manage, and
whatever a relationship declares with `depends_on`); nothing else about the
records, which the database reads on every check. So rules are kept, per
process, under a key holding every one of those facts, read afresh on each
request: a change of role, team or management is seen on the next request.

A relationship that bakes in a fact it does not declare would be served stale
rules. With HAVEN_CHECK_SHARED_ACCESS_RULES (on in the test suite) every reuse
is compared with a fresh build, so such a relationship fails the tests of
whatever changes that fact.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Enough for every member of staff of a large authority several days over.
LIMIT = 5000

_kept: OrderedDict[Hashable, Any] = OrderedDict()


def shared(
    key: Hashable, build: Callable[[], Any], same: Callable[[Any, Any], bool]
) -> Any:
    """The rules kept under `key`, else `build()` kept. In checking mode a kept
    value is built afresh and `same` must agree, or the reuse is refused."""
    kept = _kept.get(key)
    if kept is None:
        kept = _kept[key] = build()
        if len(_kept) > LIMIT:
            _kept.popitem(last=False)
        return kept
    _kept.move_to_end(key)
    if settings.HAVEN_CHECK_SHARED_ACCESS_RULES and not same(kept, build()):
        raise ImproperlyConfigured(
            "Shared access rules differ from a fresh build: a relationship reads "
            "a fact about the user that it does not declare (depends_on)"
        )
    return kept


def forget(**_signal: Any) -> None:
    """Drop every kept rule (a setting changed, as tests change them)."""
    _kept.clear()
