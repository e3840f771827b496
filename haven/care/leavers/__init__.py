"""Care leavers: their status derived from the periods of care (rules.py,
status.py) and the SSDA903 OC3 record kept at each birthday from 17 to 21
(keeping_in_touch.py, oc3.py)."""
