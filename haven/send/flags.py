"""The "EHC plan" flag: a child with a final EHC plan in force. It shows on
every page of the child's record and every queue that names them (the virtual
school's PEP work among them), and on the education section beside the PEPs,
so a looked-after child's plan is never missed by those who teach them."""

from haven.core import clock
from haven.send.models import EhcPlan

WORDS = "EHC plan"


def with_a_plan(person_ids: set[int]) -> set[int]:
    today = clock.today()
    return set(
        EhcPlan.objects.filter(person_id__in=person_ids, issued_on__lte=today)
        .exclude(ceased_on__lte=today)
        .values_list("person_id", flat=True)
    )
