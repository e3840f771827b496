"""What a worker's caseload shows of early help (declared in plugin.py through
haven.casework.caseload_facts): a child an open early help request covers. One
query for any number of children."""

import datetime as dt

from haven.casework.caseload_facts import Facts, Legal
from haven.earlyhelp.models import EarlyHelpRequest

EARLY_HELP = 70


def early_help_facts(person_ids: set[int], today: dt.date) -> Facts:
    facts = Facts()
    covered = EarlyHelpRequest.children.through.objects.filter(
        person_id__in=person_ids, earlyhelprequest__closed_on__isnull=True
    ).values_list("person_id", "earlyhelprequest__requested_on")
    for person_id, requested_on in covered:
        facts.legal[person_id] = [Legal("Early help", EARLY_HELP, requested_on)]
    return facts
