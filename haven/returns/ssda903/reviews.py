"""The Reviews table: each review of a child's care held in the year, with the
child's participation (REVIEW_CODE), as recorded (haven.care.models.Review)."""

from typing import Any

from haven.care.models import Review
from haven.returns.ssda903.loading import Year


def review_rows(year: Year) -> list[dict[str, Any]]:
    periods = {
        care.period.pk: child
        for child in year.children.values()
        for care in child.cares
    }
    held = Review.objects.filter(
        period_id__in=list(periods), held_on__range=(year.first, year.last)
    ).order_by("held_on", "number")
    return [
        {
            "CHILD": periods[review.period_id].child,
            "DOB": periods[review.period_id].person.date_of_birth,
            "REVIEW": review.held_on,
            "REVIEW_CODE": review.participation,
            "_person": periods[review.period_id].person.pk,
        }
        for review in held
    ]
