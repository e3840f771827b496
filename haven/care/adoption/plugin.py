"""What adoption declares to the rest of Haven (imported by
haven/care/plugin.py): the "Adoption" section of a child's page, chronology
words, the listener that marks the agency's authority to place, the adoption
worker's group, and the adoption reviews and visits (AAR 2005 reg 36).

The approval of prospective adopters (approval.py) makes ADO-STAGE1,
ADO-STAGE2 and ADO-ADM live on the applicants' sealed record, keyed on it.
Not live: ADO-S42, an earliest date (ten weeks with the adopters before they
may apply for the order) with no deadline in the catalogue, which an
obligation (due by a date, overdue after it) would misstate."""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_migrate

from haven.care.adoption import approval, approval_section, chronology, section
from haven.care.adoption import timescales as adoption_timescales
from haven.care.adoption.decisions import CEASED
from haven.care.adoption.permissions import may_manage_adoption
from haven.care.adoption.sealed import PLACED
from haven.care.visits import timeline
from haven.core.chronology import describe_events
from haven.core.journal import listen
from haven.core.navigation import menu_entry
from haven.core.roles import ROLES_BY_KEY, sync_role
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_adoption", "care/_adoption_section.html", order=25)(
    section.adoption_section
)
person_section("care_adopter_approval", "care/_adopter_approval.html", order=26)(
    approval_section.approval_section
)
menu_entry(
    "Prospective adopters",
    "care:adopter_approvals",
    order=76,
    shown=may_manage_adoption,
)
describe_events(chronology.WORDS)
listen(adoption_timescales.on_authority)


def _sync_adoption_worker(**_: Any) -> None:
    # The role's permission is the care app's, made after core's roles are:
    # sync the role again once care's permissions exist.
    sync_role(ROLES_BY_KEY["adoption_worker"])


post_migrate.connect(_sync_adoption_worker, sender=apps.get_app_config("care"))

# The looked-after review is the adoption review (the IRO chairs both).
activate(
    "ADO-REVIEW-UNPLACED",
    key="period",
    met_by=("care.review_held",),
    ended_by=(PLACED, CEASED, "care.period_of_care_ended"),
    action="Hold the adoption review (not yet placed)",
    url_name="care:reviews",
)
activate(
    "ADO-REVIEW-PLACED",
    key="period",
    met_by=("care.review_held",),
    ended_by=("care.period_of_care_ended",),
    action="Hold the adoption review (placed for adoption)",
    url_name="care:reviews",
)
activate(
    "ADO-VISIT",
    key="placement",
    met_by=(timeline.VISIT,),
    ended_by=(timeline.ENDED,),
    action="Visit the child placed for adoption",
    url_name="care:visit",
)

# Prospective adopters' approval, keyed on the first applicant's record.
for rule_id, met_by, action, url_name in (
    (
        "ADO-STAGE1",
        approval.STAGE_ONE,
        "Finish stage 1 of the prospective adopters' approval",
        "care:approval_stage_one",
    ),
    (
        "ADO-STAGE2",
        approval.DECIDED,
        "Finish stage 2: the agency decision maker's decision on approval",
        "care:approval_decision",
    ),
    (
        "ADO-ADM",
        approval.DECIDED,
        "The agency decision maker decides after the panel",
        "care:approval_decision",
    ),
):
    activate(
        rule_id,
        key="applicant",
        met_by=(met_by,),
        action=action,
        url_name=url_name,
        may_act=may_manage_adoption,
    )
