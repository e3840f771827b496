"""Missing from care: a looked-after child's missing and away-from-placement
episodes, the return home interview after each and the strategy meeting long
or repeated episodes call for.

- recording.py: report missing, record the return, the police report;
- followup.py: the return home interview, the strategy meeting;
- checks.py: the rules an episode keeps (the SSDA903's), in words;
- protocol.py: when a strategy meeting is needed (the local protocol);
- reads.py: who is missing now, the SSDA903 Missing table;
- section.py, forms.py, views.py: the child's page and its forms.

The whereabouts board asks `missing_now(person_ids)`: each child missing (or
away without authorisation) now, by id, to their open episode.
"""

from haven.care.missing.reads import MissingRow, missing_now, missing_table

__all__ = ["MissingRow", "missing_now", "missing_table"]
