"""Loading a council's history from the returns of earlier years (the CIN
census XML and the SSDA903 CSVs) into Haven's own records, through
`manage.py import_returns` (README in this folder's modules: read.py parses,
person.py matches, care.py and in_need.py write, run.py drives)."""
