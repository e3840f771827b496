"""The SSDA903 (children looked after return) for a collection year, as the
DfE's CSV tables, derived from the records each time it is asked for, never
stored (../shared/domain/returns.md section 2).

loading.py reads, in a fixed number of queries, the children looked after at
some time in the year with their periods of care and the episodes derived from
them (haven.care.episodes); each table module turns that into its rows,
reusing the care app's selectors for the facts (OC2, OC3, UASC, adoption,
missing); checks*.py are Haven's own checks of the DfE rules the tables can
show; build.py writes the files; declare.py registers the return."""
