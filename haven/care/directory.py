"""Reads about providers and carers: the directory a worker places a child from.

A carer is a person in the register: where the user may not see that person
named (a restricted record), the carer is shown by number, not name."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet

from haven.care.models import Carer, Provider, Registration
from haven.care.permissions import may_see_providers
from haven.core import access, clock
from haven.core.models import User


@dataclass(frozen=True)
class Listed:
    """A provider as the directory lists it."""

    provider: Provider
    registration: Registration | None
    carers: list[tuple[Carer, str]]


def _require(user: User) -> None:
    if not may_see_providers(user):
        raise PermissionDenied("Your role does not include the provider directory")


def providers(user: User) -> list[Listed]:
    """Every provider, with its current registration and its approved carers."""
    _require(user)
    found = list(
        Provider.objects.prefetch_related(
            Prefetch(
                "registrations",
                Registration.objects.filter(ended_on__isnull=True),
                to_attr="current",
            ),
            Prefetch(
                "carers",
                Carer.objects.filter(approval_ended_on__isnull=True).select_related(
                    "person"
                ),
                to_attr="approved",
            ),
        )
    )
    approved = {p.pk: list(p.approved) for p in found}
    names = carer_names(user, [c for carers in approved.values() for c in carers])
    return [
        Listed(
            provider=p,
            registration=next(iter(p.current), None),
            carers=[(c, names[c.pk]) for c in approved[p.pk]],
        )
        for p in found
    ]


def provider(user: User, pk: int) -> Provider:
    """One provider (Provider.DoesNotExist if there is none)."""
    _require(user)
    return Provider.objects.get(pk=pk)


def registrations_of(provider: Provider) -> QuerySet[Registration]:
    return provider.registrations.order_by("-started_on", "-pk")


def carer_names(user: User, carers: list[Carer]) -> dict[int, str]:
    """Each carer's name as this user may see it."""
    hidden = access.unnamed_for(user, [c.person_id for c in carers])
    return {
        c.pk: f"Carer {c.pk}" if c.person_id in hidden else str(c.person)
        for c in carers
    }


def provider_choices() -> list[tuple[str, str]]:
    """Every provider, for a placement form's select."""
    rows = Provider.objects.order_by("name", "pk").values_list("pk", "name", "town")
    return [(str(pk), f"{name} ({town})" if town else name) for pk, name, town in rows]


def carer_choices(user: User, *, also: int | None = None) -> list[tuple[str, str]]:
    """Every carer approved today, named as the user may see them, with their
    fostering service; and `also` (a placement's carer, for a correction),
    whether or not they are approved today."""
    today = clock.today()
    approved = Q(approved_on__lte=today) & (
        Q(approval_ended_on__isnull=True) | Q(approval_ended_on__gt=today)
    )
    carers = list(
        Carer.objects.filter(approved | Q(pk=also or 0)).select_related(
            "person", "provider"
        )
    )
    names = carer_names(user, carers)
    return sorted(
        ((str(c.pk), f"{names[c.pk]} ({c.provider})") for c in carers),
        key=lambda choice: choice[1],
    )
