"""The words a child's chronology shows for history imported from earlier
returns (writing.EVENT), declared by the returns app (plugin.py)."""

from typing import Any

from haven.returns.legacy.writing import EVENT

HOW = {"created": "Imported", "completed": "Completed from an import"}


def imported(p: dict[str, Any]) -> str:
    """ "Imported: placement (from 2024/episodes.csv, row 3)"."""
    how = HOW.get(str(p.get("how", "")), "Imported")
    return (
        f"{how}: {p.get('record', 'record')} (from {p.get('file')}, row {p.get('row')})"
    )


WORDS = {EVENT: imported}
