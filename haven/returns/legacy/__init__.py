"""Loading a council's history from the returns of earlier years (the CIN
census XML and the SSDA903 CSVs) into Haven's own records, through
`manage.py import_returns --cin FILE.xml --ssda903 DIR` (run.py drives it).

- read_cin.py, read_903.py: the files as plain values (rows.py), each with the
  file and row it came from;
- person.py: the child, matched across files and years by the LA's child ID
  (local person ID), the date of birth and sex checked to agree;
- in_need.py: CIN episodes, assessments, CIN plans, section 47 enquiries,
  initial and review conferences, child protection plans;
- episodes.py, care.py, care_events.py: periods of care, legal statuses,
  placements (and their providers), home postcodes, reviews, missing episodes;
- writing.py: each record found by its natural key (run twice, nothing is
  loaded twice; next year's file completes what last year's left open), and
  every write journaled as imported (source "import") with its file and row.

Not imported (named in the report when the file holds rows): the SSDA903's
UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo tables,
and the Header's MOTHER and MC_DOB (Haven holds motherhood as a relationship
to the baby's own record, which the return does not describe)."""
