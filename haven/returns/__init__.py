"""The statutory returns (CIN census, SSDA903, SEN2) and Ofsted's Annex A,
built from the same records that drive the work and never stored; the checks
run on them before anyone submits; and the way in for a council's history
from its earlier returns (legacy/).

Each return registers itself in registry.py; the page (views.py) and
`manage.py export_return` list whatever is registered."""
