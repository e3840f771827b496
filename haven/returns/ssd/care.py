"""The looked-after tables, from the SSDA903's reading of the year
(haven.returns.ssda903.loading): each period of care's episodes as
haven.care.episodes derives them (the same rows as the SSDA903 Episodes
table, ended episodes after 31 March shown open as the return shows them),
its placements and legal statuses from the same histories, the Missing table
as the care app gives it (haven.care.missing.reads.missing_table), previous
permanence and care leavers' OC3 rows from the SSDA903's own builders."""

from typing import Any

from haven.care.codes import ReasonCeased
from haven.care.missing.reads import missing_table
from haven.care.models import Review
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssda903.adoption import (
    ad1_rows,
    placed_adoption_rows_of,
    prev_perm_rows,
)
from haven.returns.ssda903.loading import Care, Child

# Care ended by an adoption order (application unopposed, opposed).
ADOPTED = (ReasonCeased.E11, ReasonCeased.E12)


def _cares(scope: Scope) -> list[tuple[Child, Care]]:
    return [
        (child, care)
        for child in scope.looked_after.children.values()
        for care in child.cares
        if scope.overlaps(care.history.start, care.history.end)
    ]


def episode_rows(scope: Scope) -> Rows:
    rows = []
    year = scope.looked_after
    for child, care in _cares(scope):
        derived = care.episodes
        for shown in year.episodes_in_year(Child(child.person, [care])):
            number = next(i for i, e in enumerate(derived) if e.decom == shown.decom)
            rows.append(
                {
                    **scope.who(child.person.pk, "clae_person_id"),
                    "clae_cla_episode_id": f"{care.period.pk}-{number + 1}",
                    "clae_cla_placement_id": shown.stay.pk or "",
                    "clae_cla_episode_start_date": shown.decom,
                    "clae_cla_episode_start_reason": shown.rne,
                    "clae_cla_primary_need_code": shown.cin,
                    "clae_cla_episode_ceased_date": shown.dec,
                    "clae_cla_episode_ceased_reason": shown.rec,
                    "clae_cla_id": care.period.pk,
                    "clae_entered_care_date": care.period.started_on,
                }
            )
    return rows


def _distances(care: Care) -> dict[int | None, float | None]:
    """Each placement's distance from home, as its first episode measured it."""
    found: dict[int | None, float | None] = {}
    for episode in care.episodes:
        found.setdefault(episode.stay.pk, episode.pl_distance)
    return found


def placement_rows(scope: Scope) -> Rows:
    rows = []
    for child, care in _cares(scope):
        distances = _distances(care)
        for stay in care.history.stays:
            if not scope.overlaps(stay.start, stay.end):
                continue
            ended = scope.by_end(stay.end)
            distance = distances.get(stay.pk)
            rows.append(
                {
                    **scope.who(child.person.pk, "clap_person_id"),
                    "clap_cla_placement_id": stay.pk or "",
                    "clap_cla_id": care.period.pk,
                    "clap_cla_placement_start_date": stay.start,
                    "clap_cla_placement_type": stay.place,
                    "clap_cla_placement_urn": stay.urn,
                    "clap_cla_placement_distance": ""
                    if distance is None
                    else f"{distance:.2f}",
                    "clap_cla_placement_provider": stay.place_provider,
                    "clap_cla_placement_postcode": stay.postcode,
                    "clap_cla_placement_end_date": ended,
                    "clap_cla_placement_change_reason": stay.change_reason
                    if ended
                    else "",
                }
            )
    return rows


def legal_status_rows(scope: Scope) -> Rows:
    return [
        {
            **scope.who(child.person.pk, "lega_person_id"),
            "lega_legal_status_id": status.pk or "",
            "lega_legal_status": status.code,
            "lega_legal_status_start_date": status.start,
            "lega_legal_status_end_date": scope.by_end(status.end),
        }
        for child, care in _cares(scope)
        for status in care.history.statuses
        if scope.overlaps(status.start, status.end)
    ]


def review_rows(scope: Scope) -> Rows:
    """Each review of a child's care held in the year (the SSDA903 Reviews
    table's, with Haven's IDs for the review and the period)."""
    periods = {care.period.pk: child for child, care in _cares(scope)}
    held = Review.objects.filter(
        period_id__in=list(periods), held_on__range=(scope.first, scope.last)
    ).order_by("held_on", "number")
    return [
        {
            **scope.who(periods[review.period_id].person.pk, None),
            "clar_cla_review_id": review.pk,
            "clar_cla_id": review.period_id,
            "clar_cla_review_date": review.held_on,
            "clar_cla_review_cancelled": "N",
            "clar_cla_review_participation": review.participation,
        }
        for review in held
    ]


def missing_episode_rows(scope: Scope) -> Rows:
    """The SSDA903 Missing table's episodes, with their times."""
    rows = []
    year = scope.looked_after
    for row in missing_table(year.year, person_ids=list(year.records)):
        episode = row.episode
        offered = episode.interview_offered_on is not None
        accepted = (
            "Y"
            if episode.interview_held_on
            else ("N" if episode.interview_declined else "")
        )
        rows.append(
            {
                **scope.who(row.child, "miss_person_id"),
                "miss_table_id": episode.pk,
                "miss_missing_episode_start_date": episode.started_at,
                "miss_missing_episode_type": row.missing,
                "miss_missing_episode_end_date": episode.ended_at
                if row.mis_end
                else None,
                "miss_missing_rhi_offered": "Y" if offered else "N",
                "miss_missing_rhi_accepted": accepted,
            }
        )
    return rows


def previous_permanence_rows(scope: Scope) -> Rows:
    """The SSDA903 PrevPerm rows (periods of care that began in the year)."""
    return [
        {
            **scope.who(row["_person"], "lapp_person_id"),
            "lapp_table_id": row["_person"],
            "lapp_previous_permanence_option": row["PREV_PERM"],
            "lapp_previous_permanence_la": row["LA_PERM"],
            "lapp_previous_permanence_order_date": row["DATE_PERM"],
        }
        for row in prev_perm_rows(scope.looked_after)
    ]


def _adopted_on(scope: Scope) -> dict[int, tuple[Any, int]]:
    """Each child adopted in the year: the day (their episode ended E11 or
    E12, an adoption order) and the period of care it ended."""
    found = {}
    for child, care in _cares(scope):
        for episode in care.episodes:
            if episode.rec in ADOPTED and scope.by_end(episode.dec):
                found[child.person.pk] = (episode.dec, care.period.pk)
    return found


def permanence_rows(scope: Scope) -> Rows:
    """Each decision that a child should be placed for adoption in force in
    the year (the SSDA903 PlacedAdoption rows), with the match (the AD1 row)
    for a child adopted in the year; the adopters themselves stay sealed."""
    year = scope.looked_after
    matched = {row["_person"]: row for row in ad1_rows(year)}
    adopted = _adopted_on(scope)
    rows = []
    for number, row in enumerate(placed_adoption_rows_of(year), 1):
        pk = row["_person"]
        ad1 = matched.get(pk, {})
        order, period = adopted.get(pk, (None, ""))
        rows.append(
            {
                **scope.who(pk, "perm_person_id"),
                "perm_table_id": f"{pk}-{number}",
                "perm_cla_id": period,
                "perm_adm_decision_date": row["DATE_PLACED"],
                "perm_matched_date": ad1.get("DATE_MATCH"),
                "perm_adopter_sex": ad1.get("SEX_ADOPTR", ""),
                "perm_adopter_legal_status": ad1.get("LS_ADOPTR", ""),
                "perm_number_of_adopters": ad1.get("NB_ADOPTR", ""),
                "perm_adopted_by_carer_flag": {"1": "Y", "0": "N"}.get(
                    str(ad1.get("FOSTER_CARE", "")), ""
                ),
                "perm_decision_reversed_date": row["DATE_PLACED_CEASED"],
                "perm_decision_reversed_reason": row["REASON_PLACED_CEASED"],
                "perm_permanence_order_date": order,
                "perm_permanence_order_type": "Adoption" if order else "",
            }
        )
    return rows
