"""Several events appended as one step, with what derives from them worked out once.

A front door decision to refer a child appends three events in one transaction
(the decision, the episode opened, the assessment started), and after each the
timescale engine recomputed the child's obligations from the whole journal:
three times the work for one answer. Inside `together()`, a listener declared
with `listen(..., once=True)` is not called after each event but once at the
end of the block, with every event the block appended, still inside the same
transaction: what derives from the journal still commits with it or not at all.
Nothing between the events may read what such a listener writes.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

from haven.core.models import JournalEvent

OnceListener = Callable[[list[JournalEvent]], None]


@dataclass
class _Block:
    depth: int = 0
    events: list[JournalEvent] = field(default_factory=list)


def _block() -> _Block:
    # On the connection, which is the thread's: a block is one transaction's.
    found: _Block | None = getattr(connection, "_haven_together", None)
    if found is None:
        found = connection._haven_together = _Block()  # type: ignore[attr-defined]
    return found


@contextmanager
def together(listeners: list[OnceListener]) -> Iterator[None]:
    """Hold the once-listeners' calls until the outermost block ends. If the
    block raises, they are not called: the transaction is rolled back."""
    block = _block()
    block.depth += 1
    try:
        yield
    except BaseException:
        block.depth -= 1
        if block.depth == 0:
            block.events.clear()
        raise
    block.depth -= 1
    if block.depth == 0:
        events, block.events = block.events, []
        for listener in listeners:
            listener(events)


def held(event: JournalEvent) -> bool:
    """Keep the event for the end of the block, if one is open."""
    block = _block()
    if block.depth == 0:
        return False
    block.events.append(event)
    return True
