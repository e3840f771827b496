"""Writes for providers and carers: adding and changing a provider, its Ofsted
registration status over time, and approving a person as a foster carer.

A provider is reference data, not a child's record, so it has no journal of its
own: its registrations keep their history as dated rows, and a placement keeps
its own address, so changing a provider's address changes no child's history.
Approving a carer is journalled on the carer's own record.

Journal events (on the carer's record):
  care.carer_approved   {"carer", "provider", "provider_name", "connected_person"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs
from haven.care.codes import PlaceProvider
from haven.care.models import (
    APPROVAL_PERIOD,
    SHARED_URN,
    Carer,
    Provider,
    Registration,
)
from haven.care.permissions import may_manage_providers
from haven.core import access, clock, journal, permissions
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person

ADULT = 18


@dataclass(frozen=True)
class ProviderDetails:
    """What the provider form holds about the provider itself."""

    name: str
    kind: str
    sector: str
    ofsted_urn: str = ""
    address_line_1: str = ""
    town: str = ""
    postcode: str = ""
    local_authority: str = ""


def _checked(details: ProviderDetails, failures: Failures) -> ProviderDetails:
    """The details in their stored form, each fault added to `failures`."""
    if not details.name.strip():
        failures.add("name_required", "Enter the provider's name", field="name")
    if details.kind not in Provider.Kind.values:
        failures.add("kind_required", "Choose the kind of provider", field="kind")
    if details.sector not in PlaceProvider.values or details.sector == "PR0":
        failures.add(
            "sector_required",
            "Choose who runs the provision (SSDA903 placement provider)",
            field="sector",
        )
    return ProviderDetails(
        name=details.name.strip(),
        kind=details.kind,
        sector=details.sector,
        ofsted_urn=inputs.urn(
            details.ofsted_urn, field="ofsted_urn", failures=failures
        ),
        address_line_1=details.address_line_1.strip(),
        town=details.town.strip(),
        postcode=inputs.postcode(
            details.postcode, field="postcode", failures=failures, required=False
        ),
        local_authority=inputs.local_authority(
            details.local_authority, field="local_authority", failures=failures
        ),
    )


def _refuse_urn_in_use(urn: str, provider: Provider | None, failures: Failures) -> None:
    if not urn or urn == SHARED_URN:
        return
    others = Provider.objects.filter(ofsted_urn=urn)
    if provider is not None:
        others = others.exclude(pk=provider.pk)
    holder = others.first()
    if holder is not None:
        failures.add(
            "urn_in_use",
            f"The URN {urn} is already recorded for {holder}: each Ofsted URN "
            "names one provider",
            field="ofsted_urn",
        )


def _check_status(status: str, on: dt.date | None, failures: Failures) -> None:
    if status not in Registration.Status.values:
        failures.add(
            "registration_required",
            "Choose the provider's Ofsted registration status",
            field="registration",
        )
    inputs.past_date(
        on,
        field="registered_on",
        what="the registration status started",
        failures=failures,
    )


def check_provider(
    details: ProviderDetails,
    *,
    registration: str,
    since: dt.date | None,
    provider: Provider | None = None,
) -> ProviderDetails:
    """Refuse, naming every fault, details a provider cannot have; otherwise the
    details as they are stored. A page runs it alone on a form with faults of its
    own, so all are shown on one submit."""
    failures = Failures()
    clean = _checked(details, failures)
    _refuse_urn_in_use(clean.ofsted_urn, provider, failures)
    _check_status(registration, since, failures)
    failures.raise_any()
    return clean


def add_provider(
    details: ProviderDetails, *, registration: str, since: dt.date | None, by: User
) -> Provider:
    """Add a provider with its current Ofsted registration status and the date
    that status started."""
    permissions.require(may_manage_providers(by), "Your role does not manage providers")
    clean = check_provider(details, registration=registration, since=since)
    assert since is not None
    with transaction.atomic():
        provider = Provider.objects.create(**clean.__dict__)
        Registration.objects.create(
            provider=provider, status=registration, started_on=since
        )
    return provider


def change_provider(
    provider: Provider,
    details: ProviderDetails,
    *,
    registration: str,
    since: dt.date | None,
    by: User,
) -> Provider:
    """Change a provider's details; a new registration status starts a new
    registration row on its date, ending the current one."""
    permissions.require(may_manage_providers(by), "Your role does not manage providers")
    clean = check_provider(
        details, registration=registration, since=since, provider=provider
    )
    assert since is not None
    with transaction.atomic():
        provider = Provider.objects.select_for_update().get(pk=provider.pk)
        for name, value in clean.__dict__.items():
            setattr(provider, name, value)
        provider.save()
        _record_registration(provider, registration, since)
    return provider


def _record_registration(provider: Provider, status: str, since: dt.date) -> None:
    current = provider.current_registration()
    if current is not None and current.status == status:
        if current.started_on != since:
            raise DomainError(
                "registration_unchanged",
                f"The registration status is already "
                f"{current.get_status_display().lower()} since "
                f"{inputs.words(current.started_on)}: to record a new status, "
                "choose it and the date it started",
                field="registered_on",
            )
        return
    if current is not None:
        if since <= current.started_on:
            raise DomainError(
                "registration_before_current",
                "The new registration status must start after the current one "
                f"started ({inputs.words(current.started_on)})",
                field="registered_on",
            )
        current.ended_on = since
        current.save(update_fields=["ended_on"])
    Registration.objects.create(provider=provider, status=status, started_on=since)


def approve_carer(
    person: Person,
    *,
    provider: Provider,
    approved_on: dt.date | None,
    connected_person: bool,
    by: User,
) -> Carer:
    """Record that a fostering service approved this person as a foster carer
    from a date. Journalled on the carer's record."""
    permissions.require(may_manage_providers(by), "Your role does not manage providers")
    access.require_lasting_access(by, person)
    failures = Failures()
    _check_approval(person, provider, approved_on, failures)
    failures.raise_any()
    assert approved_on is not None
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        held = Carer.objects.filter(person=person, provider=provider)
        clash = APPROVAL_PERIOD.clash(held, approved_on, None, what="an approval")
        if clash is not None:
            raise DomainError("approval_overlaps", clash.message, field="approved_on")
        carer = Carer.objects.create(
            person=person,
            provider=provider,
            approved_on=approved_on,
            connected_person=connected_person,
        )
        journal.append(
            person,
            "care.carer_approved",
            {
                "carer": carer.pk,
                "provider": provider.pk,
                "provider_name": provider.name,
                "connected_person": connected_person,
            },
            by=by,
            occurred_at=clock.start_of(approved_on),
        )
    return carer


def _check_approval(
    person: Person, provider: Provider, day: dt.date | None, failures: Failures
) -> None:
    fostering = (Provider.Kind.LA_FOSTERING, Provider.Kind.AGENCY)
    if provider.kind not in fostering:
        failures.add(
            "not_a_fostering_service",
            f"{provider} is not a fostering service: carers are approved by the "
            "authority's own fostering service or a fostering agency",
        )
    day = inputs.past_date(
        day, field="approved_on", what="of approval", failures=failures
    )
    born = person.date_of_birth
    if day is not None and born is not None and _age(born, day) < ADULT:
        failures.add(
            "carer_not_adult",
            f"{person} was not an adult on {inputs.words(day)}: a foster carer "
            "must be 18 or over",
            field="approved_on",
        )


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
