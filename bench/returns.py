"""The statutory returns on the large authority (issue 19: "both returns for
the large authority in under 30 seconds, printed beside the time the public
903 validator takes to check the same files (same run)").

Each sample builds the CIN census and the SSDA903 for the last collection year
from the records, as the returns page and `manage.py export_return` do; the
903 validator is then run once on that SSDA903's files (its own environment is
made first if it is missing, and that is not timed). The validator's time is
printed for comparison, not held to a budget: it is the DfE rules', not
Haven's."""

import tempfile
import time
from pathlib import Path
from typing import Any

from django.db import connection

from bench.budgets import ANALYST, Figure, timing

SAMPLES = 3


def last_collection_year() -> int:
    from haven.core import clock

    today = clock.today()
    return today.year if today.month >= 4 else today.year - 1


def figures(samples: int = SAMPLES) -> list[Figure]:
    from haven.returns import registry

    cin, ssda903 = registry.get("cin"), registry.get("ssda903")
    assert cin is not None and ssda903 is not None
    year = last_collection_year()
    times, asked = [], [0]

    # Counted, not logged: Django's log keeps only the last 9,000, and logging
    # would time a server that logs every query.
    def count(execute: Any, *query: Any) -> Any:
        asked[0] += 1
        return execute(*query)

    for _ in range(samples):
        with connection.execute_wrapper(count):
            began = time.perf_counter()
            census, episodes = cin.build(year), ssda903.build(year)
            times.append((time.perf_counter() - began) * 1000)
    queries = asked[0] // samples
    print(
        f"  {year}: the CIN census holds {len(census.person_ids)} children, "
        f"the SSDA903 {len(episodes.person_ids)}"
    )
    print(f"  the public 903 validator on the same files: {_validator(episodes, year)}")
    label = f"the CIN census and the SSDA903 for {year}"
    return [Figure(label, "returns", ANALYST, timing(times), queries)]


def _validator(built: object, year: int) -> str:
    from haven.returns.validators import env, run

    env.ensure(env.directory())  # made first, untimed, if missing
    with tempfile.TemporaryDirectory() as folder:
        for name, content in built.files.items():  # type: ignore[attr-defined]
            if name.endswith(".csv"):
                (Path(folder) / name).write_bytes(content)
        began = time.perf_counter()
        try:
            outcome = run.run_903(Path(folder), year)
        except run.ValidatorFailed as failed:  # an empty return, say
            return str(failed)
        seconds = time.perf_counter() - began
    return f"{seconds:.1f} s, {len(outcome.fired)} rules fired"
