"""What a worker's caseload shows of child protection (declared in plugin.py
through haven.casework.caseload_facts): a child on a plan. One query for any
number of children."""

import datetime as dt

from haven.casework.caseload_facts import Facts, Legal
from haven.protection.models import ChildProtectionPlan

ON_A_PLAN = 10


def protection_facts(person_ids: set[int], today: dt.date) -> Facts:
    facts = Facts()
    plans = ChildProtectionPlan.objects.filter(
        person_id__in=person_ids, ended_on__isnull=True
    ).values_list("person_id", "started_on")
    for person_id, started_on in plans:
        words = "Child protection plan"
        facts.legal[person_id] = [Legal(words, ON_A_PLAN, started_on)]
    return facts
