"""The health of a looked-after child: health assessments (initial and review,
CPPCR reg 7), dental checks, immunisations and development checks, SDQ scores,
substance misuse and offences; the timescales of the assessments and the SDQ;
the "Health" section of the child's page; and the SSDA903 OC2 row derived from
these records (outcomes.py)."""
