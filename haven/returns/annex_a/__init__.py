"""Ofsted's Annex A (ILACS child-level lists 1 to 11) as one workbook, built
from the records each time it is asked for (returns.md §3). Each list module
reads its records in a fixed number of queries, whatever the number of
children, and the workbook is written by haven.core.spreadsheets, which keeps
every text cell text (never a formula)."""
