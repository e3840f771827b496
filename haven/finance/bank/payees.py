"""Who a payment goes to: a provider, or, for a child placed with one of the
authority's own foster carers, that carer (the authority's fostering service
is not paid; its carers are). A payee is named on pages and in URLs by a key:
"p" and the provider's number, or "c" and the carer's."""

from dataclasses import dataclass
from typing import Any

from haven.care.models import Carer, Provider


@dataclass(frozen=True, order=True)
class Payee:
    provider_id: int
    carer_id: int | None = None

    @property
    def key(self) -> str:
        return f"c{self.carer_id}" if self.carer_id else f"p{self.provider_id}"

    def owner(self) -> dict[str, int]:
        """The PaymentDetails fields naming this payee."""
        if self.carer_id:
            return {"carer_id": self.carer_id}
        return {"provider_id": self.provider_id}


def paid_through_carer(provider: Provider) -> bool:
    return provider.kind == Provider.Kind.LA_FOSTERING


def of_placement(provider: Provider, carer_id: int | None) -> Payee:
    """The payee for days of a placement with this provider and carer."""
    return of_provider(provider.pk, provider.kind, carer_id)


def of_provider(provider_id: int, kind: str, carer_id: int | None) -> Payee:
    """of_placement, for a provider known by its id and kind."""
    if kind == Provider.Kind.LA_FOSTERING and carer_id:
        return Payee(provider_id, carer_id)
    return Payee(provider_id)


def of_line(line: Any) -> Payee:
    """The payee of a payment line (its provider and placement loaded)."""
    return of_placement(line.provider, line.placement.carer_id)


def of_record(record: Provider | Carer) -> Payee:
    if isinstance(record, Carer):
        return Payee(record.provider_id, record.pk)
    return Payee(record.pk)


def from_key(key: str) -> Provider | Carer:
    """The provider or carer a key names; DoesNotExist if none."""
    kind, number = key[:1], key[1:]
    if not number.isdigit():
        raise Provider.DoesNotExist
    if kind == "c":
        return Carer.objects.select_related("person", "provider").get(
            pk=int(number), provider__kind=Provider.Kind.LA_FOSTERING
        )
    if kind == "p":
        return Provider.objects.get(pk=int(number))
    raise Provider.DoesNotExist


def name_of(record: Provider | Carer) -> str:
    if isinstance(record, Carer):
        return f"{record.person.full_name}, foster carer"
    return record.name
