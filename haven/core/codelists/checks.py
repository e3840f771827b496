"""The start-up check of the code lists (`manage.py check` and every server
start): a malformed list is an error naming the file and each fault."""

from typing import Any

from django.core import checks

from haven.core.codelists.loader import CodeListError, load_all


def code_lists_are_well_formed(**kwargs: Any) -> list[checks.CheckMessage]:
    load_all.cache_clear()
    try:
        load_all()
    except CodeListError as err:
        return [
            checks.Error(
                str(err),
                hint="Correct the file in haven/core/codelists/data/ (see "
                "haven/core/codelists/loader.py for its shape).",
                id="haven.E001",
            )
        ]
    return []
