"""Writing a child's periods of care, legal statuses and placements from their
SSDA903 episodes (episodes.py), checked by the rules every recording of care
keeps (haven.care.history.check: no gap or overlap, codes of the year, the
status fitting the placement, short breaks, ages), then their reviews,
missing episodes, and home postcodes (HOME_POST, as addresses: see _homes).

Providers are found by Ofsted URN (or, with none, by sector and postcode) and
created when Haven has none: PLACE_PROVIDER and URN are read from them."""

import datetime as dt
from dataclasses import replace

from django.db.models import Q

from haven.care import codes
from haven.care.court.implied import running
from haven.care.court.kinds import ORDER_FOR, SUPERSEDED
from haven.care.history import CareHistory, Status, Stay, check
from haven.care.models import CourtOrder, LegalStatus, PeriodOfCare, Placement, Provider
from haven.care.placing import as_stay, place_provider
from haven.core import clock
from haven.core.errors import DomainError
from haven.people.keys import postcode_key
from haven.people.models import Address
from haven.returns.legacy.episodes import NEW_PLACEMENT, Run, Span
from haven.returns.legacy.rows import Origin
from haven.returns.legacy.writing import Refused, Writer

NOT_HELD = "Address not held (imported from the SSDA903)"


def _kind(place: str, sector: str) -> str:
    if place in codes.FOSTERING:
        return Provider.Kind.LA_FOSTERING if sector == "PR1" else Provider.Kind.AGENCY
    return {
        "K1": Provider.Kind.SECURE_HOME,
        "K2": Provider.Kind.CHILDRENS_HOME,
        "K3": Provider.Kind.SUPPORTED,
        "H5": Provider.Kind.SUPPORTED,
    }.get(place, Provider.Kind.OTHER)


def provider_for(writer: Writer, span: Span) -> Provider | None:
    e = span.first
    if e.place in codes.WITH_PARENTS or not e.place_provider:
        return None
    if e.place_provider == "PR0":
        raise Refused(
            e.origin,
            f"PLACE_PROVIDER PR0 is for placements with parents, not {e.place}",
        )
    if e.urn and e.urn != "XXXXXXX":
        found = Provider.objects.filter(ofsted_urn=e.urn).first()
        if found is not None and found.sector != e.place_provider:
            raise Refused(
                e.origin,
                f"Haven holds the provider with URN {e.urn} as {found.sector}, "
                f"the file says {e.place_provider}",
            )
        name = f"Provider with Ofsted URN {e.urn}"
    else:
        found = None
        name = f"{e.place_provider} provider at {e.pl_post or 'an unknown postcode'}"
    if found is None:
        found, _ = Provider.objects.get_or_create(
            name=f"{name} (imported)",
            sector=e.place_provider,
            ofsted_urn=e.urn,
            defaults={"kind": _kind(e.place, e.place_provider), "postcode": e.pl_post},
        )
    return found


def _stay(span: Span, provider: Provider | None) -> Stay:
    e = span.first
    return Stay(
        place=e.place,
        start=span.start,
        end=span.end,
        provider=provider.pk if provider else None,
        change_reason=span.change_reason,
        place_provider=place_provider(e.place, provider, span.start),
        postcode=e.pl_post,
        urn=provider.ofsted_urn if provider else "",
    )


def write_run(writer: Writer, run: Run) -> PeriodOfCare:
    """One period of care, checked whole, then written record by record. A run
    that does not start with RNE S continues a period Haven holds (last year's
    file, imported before): it is joined to it, as one history."""
    held = _continued(writer, run)
    earlier = _join(held, run) if held is not None else ([], [])
    providers = [provider_for(writer, span) for span in run.stays]
    start = held.started_on if held is not None else run.start
    history = CareHistory(
        start=start,
        end=run.end,
        need=run.episodes[-1].cin,
        reason_ended=run.reason,
        statuses=(
            *earlier[0],
            *(Status(s.first.ls, s.start, s.end) for s in run.statuses),
        ),
        stays=(
            *earlier[1],
            *(_stay(s, p) for s, p in zip(run.stays, providers, strict=True)),
        ),
    )
    try:
        check(history, born=writer.person.date_of_birth, today=clock.today())
    except DomainError as refused:
        words = "; ".join(f.message for f in refused.failures)
        raise Refused(
            run.episodes[0].origin, f"the period of care is refused: {words}"
        ) from None
    period = writer.ensure(
        PeriodOfCare,
        "period of care",
        run.episodes[0].origin,
        {"person": writer.person, "started_on": start},
        {"need": history.need, "ended_on": run.end, "reason_ended": run.reason},
        start,
    )
    _end_earlier(writer, period, LegalStatus, "legal status", run.statuses[0])
    _end_earlier(writer, period, Placement, "placement", run.stays[0])
    for span in run.statuses:
        writer.ensure(
            LegalStatus,
            "legal status",
            span.origin,
            {"period": period, "started_on": span.start},
            {"code": span.first.ls, "ended_on": span.end},
            span.start,
        )
    for span, provider in zip(run.stays, providers, strict=True):
        _placement(writer, period, span, provider)
    orders(writer, period, {s.start: s.origin for s in run.statuses})
    return period


def _continued(writer: Writer, run: Run) -> PeriodOfCare | None:
    first = run.episodes[0]
    if first.rne == "S":
        return None
    held = (
        PeriodOfCare.objects.filter(person=writer.person, started_on__lte=first.decom)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=first.decom))
        .first()
    )
    if held is None:
        raise Refused(
            first.origin,
            f"the episode starting {first.decom:%d/%m/%Y} (RNE {first.rne}) continues "
            "a period of care that neither Haven nor the files hold: import the "
            "year before too",
        )
    return held


def _join(period: PeriodOfCare, run: Run) -> tuple[list[Status], list[Stay]]:
    """The run's first legal status and placement continue the ones Haven holds
    on its first day, where they are the same; the rows before are returned
    (ended where the run takes over) for the whole history's check."""
    day = run.start
    statuses = list(period.legal_statuses.filter(started_on__lte=day))
    stays = list(period.placements.filter(started_on__lte=day))
    if statuses and statuses[-1].code == run.statuses[0].first.ls:
        run.statuses[0].start = statuses.pop().started_on
    if stays and _same_place(stays[-1], run.stays[0]):
        run.stays[0].start = stays.pop().started_on
    before_status = [
        Status(s.code, s.started_on, s.ended_on or run.statuses[0].start)
        for s in statuses
    ]
    before_stays = [
        replace(as_stay(p), end=p.ended_on or run.stays[0].start) for p in stays
    ]
    return before_status, before_stays


def _same_place(held: Placement, span: Span) -> bool:
    e = span.first
    if held.started_on == span.start:
        return True
    urn = held.provider.ofsted_urn if held.provider else ""
    return e.rne not in NEW_PLACEMENT and (held.place, held.postcode, urn) == (
        e.place,
        e.pl_post,
        e.urn,
    )


def _end_earlier(
    writer: Writer,
    period: PeriodOfCare,
    model: type[LegalStatus] | type[Placement],
    what: str,
    first: Span,
) -> None:
    """A row Haven holds open before the run's first is ended where it starts."""
    for row in model.objects.filter(
        period=period, started_on__lt=first.start, ended_on__isnull=True
    ):
        writer.ensure(
            model,
            what,
            first.origin,
            {"period": period, "started_on": row.started_on},
            {"ended_on": first.start},
            first.start,
        )


def _placement(
    writer: Writer, period: PeriodOfCare, span: Span, provider: Provider | None
) -> None:
    e = span.first
    line = codes.ADOPTION_ADDRESS if e.place in codes.FOR_ADOPTION else NOT_HELD
    writer.ensure(
        Placement,
        "placement",
        span.origin,
        {"period": period, "started_on": span.start},
        {
            "place": e.place,
            "provider": provider,
            "address_line_1": line,
            "postcode": e.pl_post,
            "ended_on": span.end,
            "change_reason": span.change_reason,
        },
        span.start,
    )


def homes(writer: Writer, runs: list[Run]) -> None:
    """HOME_POST as the child's addresses: each home postcode from the day
    before the episode that first gives it (Haven reads HOME_POST as the
    address the child lived at before an episode began: care/distance.home_on).
    Left alone when Haven already holds addresses for the child."""
    held = Address.objects.filter(person=writer.person)
    if held.exclude(line_1=NOT_HELD).exists():
        return
    changes: list[tuple[dt.date, str, Origin]] = []
    for run in runs:
        for e in run.episodes:
            if e.home_post and (not changes or changes[-1][1] != e.home_post):
                changes.append((e.decom - dt.timedelta(days=1), e.home_post, e.origin))
    for index, (start, postcode, origin) in enumerate(changes):
        end = changes[index + 1][0] if index + 1 < len(changes) else None
        writer.ensure(
            Address,
            "home address",
            origin,
            {"person": writer.person, "started_on": start},
            {
                "line_1": NOT_HELD,
                "town": "Not known",
                "postcode": postcode,
                "postcode_key": postcode_key(postcode),
                "ended_on": end,
            },
            start,
        )


def orders(
    writer: Writer, period: PeriodOfCare, origins: dict[dt.date, Origin]
) -> None:
    """Each legal status that needs an order points at one, as a status
    entered on its own does (haven/care/court/implied.py): the order of its
    kind still running, or one implied on its first day; an interim or
    short order ends the day a status on another order takes its place. Both
    are journaled as imported, not as orders made now (which would start the
    timescales an order starts)."""
    before: LegalStatus | None = None
    for status in period.legal_statuses.order_by("started_on"):
        kind = ORDER_FOR.get(status.code)
        if kind is not None and status.order_id is None:
            order = running(writer.person, kind, status.started_on)
            if order is None:
                order = CourtOrder.objects.create(
                    person=writer.person,
                    kind=kind,
                    made_on=status.started_on,
                    implied=True,
                    recorded_by=writer.by,
                )
                values = {"kind": kind, "made_on": status.started_on, "implied": True}
                origin = origins.get(status.started_on, next(iter(origins.values())))
                writer.journal(
                    "court order", "created", order, origin, status.started_on, values
                )
            status.order = order
            status.save(update_fields=["order"])
        _supersede(writer, before, status, origins)
        before = status


def _supersede(
    writer: Writer,
    before: LegalStatus | None,
    status: LegalStatus,
    origins: dict[dt.date, Origin],
) -> None:
    order = before.order if before is not None else None
    if (
        order is not None
        and order.kind in SUPERSEDED
        and order.pk != status.order_id
        and order.discharged_on is None
    ):
        order.discharged_on = status.started_on
        order.save(update_fields=["discharged_on"])
        writer.journal(
            "court order",
            "completed",
            order,
            origins.get(status.started_on, next(iter(origins.values()))),
            status.started_on,
            {"discharged_on": status.started_on},
        )
