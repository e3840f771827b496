"""Data quality: the records that would make a return, a payment or a queue
wrong, each check declared once (checks.py) with what it breaks and where it
is fixed, counted at each month's end by the team holding the child's case,
and listed with a link to the fix (/reporting/quality/)."""
