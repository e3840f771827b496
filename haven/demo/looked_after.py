"""The demo's looked-after children (haven/care/demo.py), told last: care sits
below early help, so the demo app, which knows both, tells it which children
early help took on (a family's request names each child), so that no child is
both looked after and worked by early help."""

import random

from django.db.models import Q

from haven.care import demo as care_demo
from haven.earlyhelp.models import EarlyHelpRequest
from haven.finance import demo as finance_demo
from haven.people.models import Person
from haven.send import demo as send_demo


def populate(rng: random.Random, children: list[Person]) -> None:
    ids = [child.pk for child in children]
    requests = EarlyHelpRequest.objects.filter(
        Q(person_id__in=ids) | Q(children__in=ids)
    )
    elsewhere = set(requests.values_list("person_id", flat=True))
    elsewhere |= set(requests.values_list("children", flat=True)) - {None}
    care_demo.populate(rng, children, elsewhere=elsewhere)
    finance_demo.populate()
    send_demo.populate(children)
