"""What looked-after children's records declare to the rest of Haven: their
pages, the "Looked after", "Missing from care" and "Statutory visits" sections
of a child's page, the provider directory's and the whereabouts board's places
in the menu, chronology words, the timescales of statutory visits and of a
missing child's return, and the listener that turns a statutory visit note into
the visit event those timescales read; and the "Reviews" section, its work
sources and the review timescales (haven/care/reviews)."""

from haven.care import chronology, discrepancy_views, in_need, permissions, sections
from haven.care.adoption import plugin as _adoption  # noqa: F401 (declares)
from haven.care.away import away_source
from haven.care.caseload import looked_after_facts
from haven.care.court import plugin as _court  # noqa: F401 (declares)
from haven.care.discrepancies import discrepancy_source
from haven.care.education import plugin as _education  # noqa: F401 (declares)
from haven.care.health import plugin as _health  # noqa: F401 (declares)
from haven.care.leavers import plugin as _leavers  # noqa: F401 (declares)
from haven.care.missing import chronology as missing_words
from haven.care.missing import reads as missing_reads
from haven.care.missing import section as missing
from haven.care.missing import unreported
from haven.care.plans import plugin as plans  # noqa: F401  (declares the plans)
from haven.care.reviews import chronology as review_words
from haven.care.reviews import section as reviews
from haven.care.reviews import work as review_work
from haven.care.uasc import plugin as _uasc  # noqa: F401 (declares)
from haven.care.visits import chronology as visit_words
from haven.care.visits import elsewhere, timeline
from haven.care.visits import section as visits
from haven.casework.caseload_facts import caseload_facts
from haven.cin.episode_work import episode_work
from haven.core.chronology import describe_events, hide_events
from haven.core.journal import listen
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.core.work import work_source
from haven.people.sections import person_section
from haven.timescales.registry import activate

mount("looked-after/", "haven.care.urls")
episode_work(in_need.WORK)

menu_entry("Providers", "care:providers", order=75, shown=permissions.may_see_providers)
menu_entry(
    "Whereabouts", "care:whereabouts", order=74, shown=permissions.may_see_whereabouts
)

person_section("care", "care/_person_section.html", order=20)(sections.looked_after)
person_section("care_discrepancies", "care/_discrepancies_section.html", order=19)(
    discrepancy_views.section
)

describe_events(chronology.WORDS)

person_section("care_missing", "care/_missing_section.html", order=21)(
    missing.missing_section
)
describe_events(missing_words.WORDS)
away_source("missing episodes")(missing_reads.away_among)
discrepancy_source("missing without police reference")(
    unreported.missing_without_reference
)
discrepancy_source("visit not at the placement")(elsewhere.visited_elsewhere)
activate(
    "LAC-MISSING-RHI",
    key="missing_episode",
    met_by=("care.return_interview_recorded",),
    action="Offer the return home interview",
    url_name="care:return_interview",
)
# No national timescale: due dates only where the council sets one.
activate(
    "LAC-MISSING-STRAT",
    key="missing_child",
    met_by=("care.missing_strategy_meeting_held",),
    action="Hold a strategy meeting about the child going missing",
    url_name="care:strategy_meeting",
)

person_section("care_visits", "care/_visits_section.html", order=22)(
    visits.visits_section
)
describe_events(visit_words.WORDS)
hide_events(*timeline.HIDDEN)
listen(timeline.on_note)
# Statutory visits (CPPCR reg 28), keyed on the placement the visit was made
# at: a move ends the old placement's regime and starts the new one's.
for rule_id, action in (
    ("LAC-VISIT-1", "Visit the child in their new placement"),
    ("LAC-VISIT-Y1", "Visit the child (first year of the placement)"),
    ("LAC-VISIT-LT", "Visit the child (long-term placement)"),
    ("LAC-VISIT-OTHER", "Visit the child"),
    ("LAC-VISIT-LTFP", "Visit the child (fewer visits agreed)"),
):
    activate(
        rule_id,
        key="placement",
        met_by=(timeline.VISIT,),
        ended_by=(timeline.ENDED,),
        action=action,
        url_name="care:visit",
    )
# No national timescale ("as soon as reasonably practicable"): a due date only
# where the council sets one. Any statutory visit meets the request.
activate(
    "LAC-VISIT-REQ",
    key="child",
    met_by=(timeline.VISIT,),
    ended_by=("care.period_of_care_ended",),
    action="Visit the child: a visit was asked for",
    url_name="care:visit_child",
)
caseload_facts("care", order=30)(looked_after_facts)

# Looked-after reviews (haven/care/reviews): CPPCR reg 33, keyed on the period
# of care, so each time the child comes into care the regime starts again.
person_section("care_reviews", "care/_reviews_section.html", order=23)(
    reviews.reviews_section
)
describe_events(review_words.WORDS)
hide_events(*review_words.HIDDEN)
work_source(review_work.recommendations)
work_source(review_work.reviews_to_chair)
for rule_id, met_by, action in (
    ("LAC-REVIEW-1", "care.first_review_held", "Hold the first review"),
    ("LAC-REVIEW-2", "care.second_review_held", "Hold the second review"),
    ("LAC-REVIEW-N", "care.review_held", "Hold the next review"),
    # No date a computer can count (the review is brought forward): shown as
    # guidance; the next review held meets it.
    ("LAC-REVIEW-EARLY", "care.review_held", "Hold an early review"),
    # Local good practice: the IRO is appointed and meets the child within 5
    # working days of care starting; the IRO's first visit meets it.
    ("LAC-IRO-APPT", "care.iro_visited_child", "Appoint the IRO to meet the child"),
):
    activate(
        rule_id,
        key="period",
        met_by=(met_by,),
        ended_by=("care.period_of_care_ended",),
        action=action,
        url_name="care:reviews",
    )
# The review's decisions sent out within 5 working days (IRO Handbook; a
# configurable default), one duty a review.
activate(
    "LAC-IRO-RECORD",
    key="review",
    met_by=("care.review_decisions_circulated",),
    action="Send out the review's decisions",
    url_name="care:decisions_circulated",
)
