"""A looked-after child's reviews (SSDA903 Reviews) and missing episodes
(SSDA903 Missing), each in the period of care it falls in."""

import datetime as dt

from django.db.models import Q

from haven.care.history import year_of
from haven.care.models import MissingEpisode, PeriodOfCare, Review
from haven.core import clock
from haven.returns.legacy import rows
from haven.returns.legacy.writing import Refused, Writer, check_code

ATTENDED = "Not recorded: imported from the SSDA903"


def period_on(
    writer: Writer, day: dt.date, origin: rows.Origin, what: str
) -> PeriodOfCare:
    """The child's period of care holding the day (or ending on it)."""
    found = (
        PeriodOfCare.objects.filter(person=writer.person, started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .order_by("-started_on")
        .first()
    )
    if found is None:
        raise Refused(
            origin, f"the {what} on {day:%d/%m/%Y} falls in no period of care"
        )
    return found


def write_review(writer: Writer, review: rows.Review) -> None:
    check_code(
        "ssda903_review_participation",
        review.code,
        year=year_of(review.held_on),
        column="REVIEW_CODE",
        origin=review.origin,
    )
    period = period_on(writer, review.held_on, review.origin, "review")
    if Review.objects.filter(period=period, held_on=review.held_on).exists():
        writer.ensure(
            Review,
            "review",
            review.origin,
            {"period": period, "held_on": review.held_on},
            {"participation": review.code},
            review.held_on,
        )
        return
    number = Review.objects.filter(period=period).count() + 1
    writer.ensure(
        Review,
        "review",
        review.origin,
        {"period": period, "held_on": review.held_on},
        {
            "participation": review.code,
            "number": number,
            "chair": writer.by,
            "attended": ATTENDED,
            "recorded_by": writer.by,
        },
        review.held_on,
    )


def write_missing(writer: Writer, missing: rows.Missing) -> None:
    check_code(
        "ssda903_missing",
        missing.kind,
        year=year_of(missing.start),
        column="MISSING",
        origin=missing.origin,
    )
    if missing.end is not None and missing.end < missing.start:
        raise Refused(
            missing.origin,
            f"MIS_END {missing.end:%d/%m/%Y} is before MIS_START "
            f"{missing.start:%d/%m/%Y}",
        )
    period = period_on(writer, missing.start, missing.origin, "missing episode")
    # The return holds days, not times: an episode is taken to start at the
    # start of its first day and end at the end of its last.
    ended = (
        clock.start_of(missing.end) + dt.timedelta(hours=23, minutes=59)
        if missing.end
        else None
    )
    writer.ensure(
        MissingEpisode,
        "missing episode",
        missing.origin,
        {"period": period, "started_at": clock.start_of(missing.start)},
        {"kind": missing.kind, "ended_at": ended},
        missing.start,
    )
