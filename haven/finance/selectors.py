"""What finance officers read: runs, their lines, a provider's rates. Every
selector takes the user and refuses anyone without manage_payments. A line
shows only what paying needs (the child's name, the dates, the placement and
the provider), never anything of the child's case record."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from haven.care.models import Provider
from haven.core import access
from haven.core.permissions import may_manage_payments, require
from haven.finance.models import PaymentLine, PaymentRun, ProviderRate


def _may(user: Any) -> None:
    require(may_manage_payments(user), "Only finance officers see payments")


def runs(user: Any) -> "QuerySet[PaymentRun]":
    """Every payment run, the newest period first."""
    _may(user)
    return PaymentRun.objects.select_related("previewed_by", "approved_by")


def run(user: Any, pk: int) -> PaymentRun:
    _may(user)
    return PaymentRun.objects.select_related(
        "previewed_by", "approved_by", "closed_by"
    ).get(pk=pk)


@dataclass(frozen=True)
class LineRow:
    line: PaymentLine
    child_name: str
    placement: str

    @property
    def last_day(self) -> dt.date:
        return self.line.ends_on - dt.timedelta(days=1)


def restricted_child(child_id: int) -> str:
    """How finance's pages name a child whose record the reader may not open:
    by Haven ID only (a restricted or sealed child's name is itself the
    secret)."""
    return f"A child whose record is restricted (Haven ID {child_id})"


def child_name(person: Any, child_id: int, unnamed: set[int]) -> str:
    """The child's name, or the restricted wording for one the reader may not
    open (`unnamed`, from access.unnamed_for) or whose record was not read."""
    if person is None or child_id in unnamed:
        return restricted_child(child_id)
    return str(person.full_name)


def lines(user: Any, run: PaymentRun) -> list[LineRow]:
    """The run's lines with the child's name and the placement's type only;
    a restricted or sealed child the officer may not open is paid for but
    not named (the name is itself the secret), only their Haven ID."""
    _may(user)
    found = list(
        run.lines.select_related("provider", "child", "placement").order_by(
            "provider__name", "child__family_name", "child", "starts_on"
        )
    )
    unnamed = access.unnamed_for(user, {line.child_id for line in found})
    return [
        LineRow(
            line,
            child_name(line.child, line.child_id, unnamed),
            line.placement.get_place_display(),
        )
        for line in found
    ]


def providers(user: Any) -> "QuerySet[Provider]":
    """The providers finance pays, for their rates pages."""
    _may(user)
    return Provider.objects.order_by("name", "pk")


def provider(user: Any, pk: int) -> Provider:
    _may(user)
    return Provider.objects.get(pk=pk)


def provider_rates(user: Any, provider: Provider) -> "QuerySet[ProviderRate]":
    """The provider's rates for all its placements and its spot purchases."""
    _may(user)
    return ProviderRate.objects.filter(provider=provider).order_by(
        "placement", "-started_on"
    )
