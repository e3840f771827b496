"""A child on the way to adoption, one helper a state, through the services."""

import datetime as dt

from haven.care.adoption import decisions, sealed
from haven.care.moves import change_legal_status
from tests.care.factories import fostered, in_care

CANARY_NAMES = "Quillon Verbrugge and Osric Verbrugge"
CANARY_STREET = "17 Zephyrine Wynd"
CANARY_POSTCODE = "ZE2 9QX"


def under_placement_order(child, carer, *, by):
    """Looked after from 10 January 2025 (C2, fostered), a placement order
    (E1) from 1 June 2025 (the court helper records it after merge)."""
    period = in_care(child, by=by, legal_status="C2", placement=fostered(carer))
    change_legal_status(period, on=dt.date(2025, 6, 1), code="E1", by=by)
    return period


def the_match(**kw):
    values = {
        "names": CANARY_NAMES,
        "address_line_1": CANARY_STREET,
        "town": "Shetland",
        "postcode": CANARY_POSTCODE,
        "number": 2,
        "sexes": "MM",
        "legal_status": "L4",
        "foster_carers": False,
        **kw,
    }
    return sealed.Match(**values)


def decided(period, *, by):
    return decisions.decide_adoption(
        period, decided_on=dt.date(2025, 7, 1), decision_maker="Priya Okafor", by=by
    )


def matched(period, *, worker, by):
    decided(period, by=worker)
    return sealed.match_adopters(
        period, the_match(), matched_on=dt.date(2025, 9, 1), by=by
    )


def placed(period, agency, *, worker, by):
    matched(period, worker=worker, by=by)
    return sealed.place_for_adoption(
        period,
        placed_on=dt.date(2025, 10, 1),
        provider_id=agency.pk,
        reason="CARPL",
        by=by,
    )


def adopted(period, agency, *, worker, by):
    placed(period, agency, worker=worker, by=by)
    return sealed.make_adoption_order(
        period, adopted_on=dt.date(2026, 3, 2), reason="E11", by=by
    )
