"""What a worker types about a placement, checked and completed before it is
recorded: the placement type, the provider and carer, and the address.

A foster placement names the carer, whose fostering service is the provider; a
placement with parents (P1) has no provider; most others need one (SSDA903 rule
526). An address left blank is the carer's address in the register on the day
of the placement, or else the provider's; a local authority left blank is the
provider's when the child lives at the provider's address."""

import datetime as dt
from dataclasses import dataclass

from haven.care import codes, inputs
from haven.care.history import Stay, year_of
from haven.care.models import Carer, Placement, Provider
from haven.core import codelists
from haven.core.errors import Failures
from haven.people.models import Address


@dataclass(frozen=True)
class PlacementDetails:
    """A placement as typed: ids of the provider and carer chosen, if any."""

    place: str
    provider_id: int | None = None
    carer_id: int | None = None
    address_line_1: str = ""
    town: str = ""
    postcode: str = ""
    local_authority: str = ""


@dataclass(frozen=True)
class Placing:
    """A placement checked and completed, ready to record."""

    place: str
    provider: Provider | None
    carer: Carer | None
    address_line_1: str
    town: str
    postcode: str
    local_authority: str

    def fields(self) -> dict[str, object]:
        """The Placement model's fields."""
        return {
            "place": self.place,
            "provider": self.provider,
            "carer": self.carer,
            "address_line_1": self.address_line_1,
            "town": self.town,
            "postcode": self.postcode,
            "local_authority": self.local_authority,
        }

    def stay(
        self, start: dt.date, end: dt.date | None = None, pk: int | None = None
    ) -> Stay:
        return Stay(
            place=self.place,
            start=start,
            end=end,
            pk=pk,
            provider=self.provider.pk if self.provider else None,
            carer=self.carer.pk if self.carer else None,
            place_provider=place_provider(self.place, self.provider, start),
            postcode=self.postcode,
            urn=urn(self.place, self.provider),
        )


def place_provider(place: str, provider: Provider | None, start: dt.date) -> str:
    """SSDA903 PLACE_PROVIDER: PR0 with parents, blank for the temporary and
    "other" placement types (rule 178), else the provider's."""
    if place in codes.WITH_PARENTS:
        return "PR0"
    if codes.provider_left_blank(place, year_of(start)) or provider is None:
        return ""
    return provider.sector


def urn(place: str, provider: Provider | None) -> str:
    """SSDA903 URN: the provider's, except for the placement types that have none
    (rule 222)."""
    if provider is None or place in codes.NO_URN:
        return ""
    return provider.ofsted_urn


def as_stay(placement: Placement) -> Stay:
    """A recorded placement as the histories read it."""
    provider = placement.provider
    return Stay(
        place=placement.place,
        start=placement.started_on,
        end=placement.ended_on,
        pk=placement.pk,
        provider=placement.provider_id,
        carer=placement.carer_id,
        change_reason=placement.change_reason,
        place_provider=place_provider(placement.place, provider, placement.started_on),
        postcode=placement.postcode,
        urn=urn(placement.place, provider),
    )


def complete(details: PlacementDetails, *, on: dt.date, failures: Failures) -> Placing:
    """The placement checked (each fault added to `failures`) and completed."""
    year = year_of(on)
    # Whether the code is in that year's list is the history's check.
    if not details.place:
        failures.add("place_required", "Choose the type of placement", field="place")
    carer = _carer(details, on, failures)
    provider = _provider(details, carer, failures)
    _check_who(details.place, provider, carer, year, failures)
    line, town, postcode, authority = _address(details, provider, carer, on, failures)
    return Placing(
        place=details.place,
        provider=provider,
        carer=carer,
        address_line_1=line,
        town=town,
        postcode=postcode,
        local_authority=authority,
    )


def _carer(details: PlacementDetails, on: dt.date, failures: Failures) -> Carer | None:
    if details.carer_id is None:
        return None
    carer = (
        Carer.objects.select_related("person", "provider")
        .filter(pk=details.carer_id)
        .first()
    )
    if carer is None:
        failures.add("carer_unknown", "Choose a carer from the list", field="carer")
        return None
    ended = carer.approval_ended_on
    if carer.approved_on > on or (ended is not None and ended <= on):
        failures.add(
            "carer_not_approved",
            f"The carer chosen was not an approved foster carer with "
            f"{carer.provider} on {inputs.words(on)}",
            field="carer",
        )
    return carer


def _provider(
    details: PlacementDetails, carer: Carer | None, failures: Failures
) -> Provider | None:
    provider = None
    if details.provider_id is not None:
        provider = Provider.objects.filter(pk=details.provider_id).first()
        if provider is None:
            failures.add(
                "provider_unknown", "Choose a provider from the list", field="provider"
            )
    if carer is None:
        return provider
    if provider is not None and provider != carer.provider:
        failures.add(
            "carer_not_with_provider",
            f"The carer chosen is approved by {carer.provider}, not {provider}: "
            "choose their fostering service, or leave the provider blank",
            field="provider",
        )
    return carer.provider


def _check_who(
    place: str,
    provider: Provider | None,
    carer: Carer | None,
    year: int,
    failures: Failures,
) -> None:
    if place in codes.WITH_PARENTS:
        if provider is not None or carer is not None:
            failures.add(
                "parents_have_no_provider",
                "A child placed with their parents (P1) has no provider or foster "
                "carer: leave both blank",
                field="provider",
            )
        return
    if place in codes.FOSTERING and carer is None:
        failures.add(
            "carer_required",
            "Choose the foster carer the child lives with",
            field="carer",
        )
    elif (
        provider is None
        and codelists.is_valid(codes.PLACEMENT, place, year=year)
        and not codes.provider_left_blank(place, year)
    ):
        failures.add(
            "provider_required",
            "Choose the provider of this placement (the SSDA903 needs its "
            "placement provider, rule 526)",
            field="provider",
        )


def _address(
    details: PlacementDetails,
    provider: Provider | None,
    carer: Carer | None,
    on: dt.date,
    failures: Failures,
) -> tuple[str, str, str, str]:
    """The address typed, or else the carer's on the day, or the provider's.
    A placement for adoption never holds the adopters' address: it is sealed
    in the adoption record (haven/care/adoption), and the row says so."""
    if details.place in codes.FOR_ADOPTION:
        return _sealed_address(provider)
    line, town, postcode = details.address_line_1.strip(), details.town.strip(), ""
    authority = details.local_authority
    if not line:
        found = _carers_address(carer, on) if carer else None
        if found is not None:
            line, town, postcode = found.line_1, found.town, found.postcode
        elif provider is not None and provider.address_line_1:
            line, town, postcode = (
                provider.address_line_1,
                provider.town,
                provider.postcode,
            )
            authority = authority or provider.local_authority
    if not line:
        failures.add(
            "address_required",
            "Enter the address the child lives at"
            + (
                " (the carer or provider has none recorded)"
                if carer or provider
                else ""
            ),
            field="address_line_1",
        )
    postcode = inputs.postcode(
        details.postcode or postcode, field="postcode", failures=failures, required=True
    )
    authority = inputs.local_authority(
        authority, field="local_authority", failures=failures
    )
    return line, town, postcode, authority


def _sealed_address(provider: Provider | None) -> tuple[str, str, str, str]:
    # The agency's postcode stands for PL_POST, so no adopter's home is hinted.
    if provider is None:
        return codes.ADOPTION_ADDRESS, "", "", ""
    return codes.ADOPTION_ADDRESS, "", provider.postcode, provider.local_authority


def _carers_address(carer: Carer, on: dt.date) -> Address | None:
    held = Address.objects.filter(person_id=carer.person_id)
    return held.filter(Address.period.current(on=on)).order_by("-started_on").first()
