"""Providers and carers: records of their own, kept by managers and finance."""

import datetime as dt

import pytest

from haven.care import directory, providers
from haven.care.models import Carer, Provider, Registration
from haven.care.providers import ProviderDetails
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from tests.care.factories import ProviderFactory
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

HOME = ProviderDetails(
    name="Rowan Lodge",
    kind=Provider.Kind.CHILDRENS_HOME,
    sector="PR4",
    ofsted_urn="sc123456",
    address_line_1="4 Rowan Way",
    town="Wakefield",
    postcode="wf1 2ab",
    local_authority="e08000036",
)


def _add(by, details=HOME, registration="registered", since=dt.date(2020, 1, 6)):
    return providers.add_provider(
        details, registration=registration, since=since, by=by
    )


def test_a_manager_adds_a_provider_with_its_registration(mona, today):
    provider = _add(mona)
    assert (provider.ofsted_urn, provider.postcode, provider.local_authority) == (
        "SC123456",
        "WF1 2AB",
        "E08000036",
    )
    registration = provider.current_registration()
    assert (registration.status, registration.started_on) == (
        "registered",
        dt.date(2020, 1, 6),
    )


def test_a_finance_officer_adds_a_provider(fiona, today):
    assert _add(fiona).name == "Rowan Lodge"


def test_a_social_worker_may_not_add_a_provider(alice, today):
    with pytest.raises(DomainError) as refused:
        _add(alice)
    assert refused.value.code == "not_permitted"
    assert not Provider.objects.exists()


def test_every_fault_in_a_provider_is_named_at_once(mona, today):
    faulty = ProviderDetails(
        name=" ",
        kind="castle",
        sector="PR0",
        ofsted_urn="SC1",
        postcode="not a postcode",
        local_authority="Leeds",
    )
    with pytest.raises(DomainError) as refused:
        _add(mona, faulty, registration="", since=today + dt.timedelta(days=1))
    assert sorted(f.code for f in refused.value.failures) == [
        "date_in_future",
        "kind_required",
        "local_authority_format",
        "name_required",
        "postcode_format",
        "registration_required",
        "sector_required",
        "urn_format",
    ]


def test_a_urn_names_one_provider(mona, today):
    ProviderFactory(ofsted_urn="SC123456", name="Larchfield House")
    with pytest.raises(DomainError) as refused:
        _add(mona)
    assert refused.value.code == "urn_in_use"
    assert "Larchfield House" in refused.value.message


def test_a_new_registration_status_ends_the_current_one(mona, today):
    provider = _add(mona)
    providers.change_provider(
        provider,
        HOME,
        registration="suspended",
        since=dt.date(2026, 3, 2),
        by=mona,
    )
    rows = list(provider.registrations.order_by("started_on"))
    assert [(r.status, r.started_on, r.ended_on) for r in rows] == [
        ("registered", dt.date(2020, 1, 6), dt.date(2026, 3, 2)),
        ("suspended", dt.date(2026, 3, 2), None),
    ]


def test_a_new_registration_status_cannot_start_before_the_current(mona, today):
    provider = _add(mona)
    with pytest.raises(DomainError) as refused:
        providers.change_provider(
            provider,
            HOME,
            registration="suspended",
            since=dt.date(2019, 3, 2),
            by=mona,
        )
    assert refused.value.code == "registration_before_current"
    assert Registration.objects.filter(provider=provider).count() == 1


def test_changing_details_keeps_the_registration(mona, today):
    provider = _add(mona)
    renamed = ProviderDetails(**{**HOME.__dict__, "name": "Rowan Lodge South"})
    providers.change_provider(
        provider,
        renamed,
        registration="registered",
        since=dt.date(2020, 1, 6),
        by=mona,
    )
    provider.refresh_from_db()
    assert provider.name == "Rowan Lodge South"
    assert provider.registrations.count() == 1


def _carer_person(team, mona):
    person = AdultFactory(given_name="Maureen", family_name="Fairweather")
    allocate_case(person, team=team, on=dt.date(2024, 1, 5), by=mona)
    return person


def test_a_carer_is_approved_and_journalled_on_their_record(mona, team, fostering):
    person = _carer_person(team, mona)
    carer = providers.approve_carer(
        person,
        provider=fostering,
        approved_on=dt.date(2024, 2, 1),
        connected_person=True,
        by=mona,
    )
    assert (carer.provider, carer.connected_person) == (fostering, True)
    event = JournalEvent.objects.get(person=person, type="care.carer_approved")
    assert event.payload["provider_name"] == "Haven Fostering Service"


def test_only_a_fostering_service_approves_carers(mona, team, home, today):
    person = _carer_person(team, mona)
    with pytest.raises(DomainError) as refused:
        providers.approve_carer(
            person,
            provider=home,
            approved_on=dt.date(2024, 2, 1),
            connected_person=False,
            by=mona,
        )
    assert refused.value.code == "not_a_fostering_service"


def test_a_foster_carer_is_an_adult(mona, team, fostering, today):
    young = ChildFactory(date_of_birth=dt.date(2008, 1, 1))
    allocate_case(young, team=team, on=dt.date(2024, 1, 5), by=mona)
    with pytest.raises(DomainError) as refused:
        providers.approve_carer(
            young,
            provider=fostering,
            approved_on=dt.date(2025, 2, 1),
            connected_person=False,
            by=mona,
        )
    assert refused.value.code == "carer_not_adult"
    assert not Carer.objects.exists()


def test_a_carer_needs_access_to_their_record(mona, fiona, fostering, today):
    stranger = AdultFactory()
    with pytest.raises(AccessDenied):
        providers.approve_carer(
            stranger,
            provider=fostering,
            approved_on=dt.date(2024, 2, 1),
            connected_person=False,
            by=fiona,
        )


def test_a_restricted_carer_is_listed_by_number(mona, bob, carer, second_carer, today):
    from haven.core.services import restrict_record

    allocate_case(carer.person, team=mona.team, on=dt.date(2024, 1, 5), by=mona)
    restrict_record(carer.person, kind="restricted", reason="Staff relative", by=mona)
    assert dict(directory.carer_choices(bob))[str(carer.pk)].startswith(
        f"Carer {carer.pk} "
    )
    assert "Desmond" in dict(directory.carer_choices(bob))[str(second_carer.pk)]


def test_the_directory_pages_answer_by_role(client, alice, adam, fiona, home, today):
    client.force_login(alice)
    assert client.get("/looked-after/providers/").status_code == 200
    assert client.get("/looked-after/providers/new/").status_code == 403
    client.force_login(fiona)
    page = client.get("/looked-after/providers/")
    assert b"Larchfield House" in page.content
    assert client.get(f"/looked-after/providers/{home.pk}/").status_code == 200
    client.force_login(adam)
    assert client.get("/looked-after/providers/").status_code == 403
