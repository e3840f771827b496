"""By property: whatever orders are recorded for a looked-after child, in
whatever order, their legal status history is what the accepted orders imply
(each order with a legal status starts it on the day it was made, unless the
child already had it), each of those statuses points at the order that gave
it, and every status that needs an order has one of its kind."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care.court.kinds import LEGAL_STATUS, NEEDS_AN_ORDER, ORDER_FOR, OrderKind
from haven.care.court.orders import OrderDetails, record_order
from haven.care.models import LegalStatus
from haven.core.errors import DomainError
from tests.care.factories import fostered, in_care

START = dt.date(2025, 1, 10)
KINDS = [k for k in OrderKind if k in LEGAL_STATUS and k != OrderKind.FREEING]
orders = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 60)), min_size=1, max_size=5
)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(attempts=orders)
def test_the_legal_status_history_is_what_the_orders_imply(
    attempts, child, alice, carer, today
):
    with transaction.atomic():
        in_care(child, by=alice, on=START, legal_status="V2", placement=fostered(carer))
        implied = [("V2", START, None)]
        day = START
        for kind, gap in attempts:
            day += dt.timedelta(days=gap)
            court = "" if kind == OrderKind.POLICE_PROTECTION else "Leeds"
            try:
                made = record_order(
                    child, OrderDetails(kind=kind, made_on=day, court=court), by=alice
                )
            except DomainError:
                event("refused")
                continue
            event("accepted")
            if implied[-1][0] != LEGAL_STATUS[kind]:
                implied.append((LEGAL_STATUS[kind], day, made.pk))
        statuses = LegalStatus.objects.filter(period__person=child).order_by(
            "started_on", "pk"
        )
        assert [(s.code, s.started_on, s.order_id) for s in statuses] == implied
        for status in statuses.filter(code__in=NEEDS_AN_ORDER):
            assert status.order.kind == ORDER_FOR[status.code]
        transaction.set_rollback(True)
