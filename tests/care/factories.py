"""Providers, carers and looked-after children, one factory or helper a state."""

import datetime as dt

import factory
from django.utils import timezone

from haven.care.models import Carer, Provider, Registration
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.casework import services as casework
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.cin import selectors as cin_selectors
from haven.cin import services as cin_services
from tests.factories import AdultFactory


class ProviderFactory(factory.django.DjangoModelFactory):
    """A registered private children's home."""

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Larchfield House {n}")
    kind = Provider.Kind.CHILDRENS_HOME
    sector = "PR4"
    ofsted_urn = factory.Sequence(lambda n: f"SC{n:06d}")
    address_line_1 = "2 Larch Lane"
    town = "Leeds"
    postcode = "LS6 2AB"
    local_authority = "E08000035"
    registration = factory.RelatedFactory(
        "tests.care.factories.RegistrationFactory", factory_related_name="provider"
    )


class FosteringServiceFactory(ProviderFactory):
    """The authority's own fostering service."""

    name = factory.Sequence(lambda n: f"Haven Fostering Service {n}")
    kind = Provider.Kind.LA_FOSTERING
    sector = "PR1"


class AgencyFactory(ProviderFactory):
    """An independent fostering agency."""

    name = factory.Sequence(lambda n: f"Brightwater Fostering {n}")
    kind = Provider.Kind.AGENCY
    sector = "PR4"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    provider = factory.SubFactory(ProviderFactory, registration=None)
    status = Registration.Status.REGISTERED
    started_on = dt.date(2015, 4, 1)


class CarerFactory(factory.django.DjangoModelFactory):
    """An in-house foster carer, approved years ago."""

    class Meta:
        model = Carer

    person = factory.SubFactory(AdultFactory, family_name="Fairweather")
    provider = factory.SubFactory(FosteringServiceFactory)
    approved_on = dt.date(2018, 6, 1)


def fostered(carer: Carer, **kw: object) -> PlacementDetails:
    """A foster placement with other foster carers (U6), at the carer's home."""
    values: dict = {
        "place": "U6",
        "carer_id": carer.pk,
        "address_line_1": "7 Ash Grove",
        "town": "Leeds",
        "postcode": "LS6 1AA",
        **kw,
    }
    return PlacementDetails(**values)


def in_home(provider: Provider, **kw: object) -> PlacementDetails:
    """A placement in a children's home (K2), at the home's address."""
    values: dict = {"place": "K2", "provider_id": provider.pk, **kw}
    return PlacementDetails(**values)


def in_care(
    child, *, by, on=dt.date(2025, 1, 10), legal_status="C1", placement, need="N1"
):
    """The child looked after from `on`, through the service, as a child in need
    (referred by the police that day, unless an episode is open already)."""
    in_need(child, by=by, on=on)
    return start_period_of_care(
        child,
        on=on,
        need=need,
        legal_status=legal_status,
        placement=placement,
        by=by,
    )


def in_need(child, *, by, on):
    """The child's open CIN episode, opened by a referral on `on` if none is."""
    return cin_selectors.open_episode(child) or cin_services.open_referral(
        child, received_on=on, source="6", contact_id=None, by=by
    )


def visited(child, *, by, on, seen=True, statutory=True, hour=10, place="placement"):
    """A visit note on `on` at `hour`, through casework's service: statutory,
    at the placement and the child seen alone unless said otherwise."""
    (note,) = casework.record_note(
        [child],
        kind="visit",
        occurred_at=timezone.make_aware(dt.datetime.combine(on, dt.time(hour))),
        subject="Statutory visit",
        body="Saw the child in their placement.",
        seen=Seen(seen=True, alone="yes") if seen else Seen(),
        visit=Visit(statutory, place, True, "yes"),
        by=by,
    )
    return note
