"""Statutory visits to a looked-after child (CPPCR regs 28 and 28(3A)).

The visit is a casework note; this package derives the placement it was made
at from the placement history and tells the timescale engine what the visit
regimes read (timeline.py), records a child's agreement to fewer visits and
requests for an extra visit (recording.py), and shows the child's visits with
their placements and the next one due (reads.py, section.py).
"""
