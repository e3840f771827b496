"""What adoption declares to the rest of Haven (imported by
haven/care/plugin.py): the "Adoption" section of a child's page, chronology
words, the listener that marks the agency's authority to place, the adoption
worker's group, and the adoption reviews and visits (AAR 2005 reg 36).

Not live: ADO-ADM (the panel's recommendation is not recorded), ADO-STAGE1,
ADO-STAGE2 and ADO-S42 (the adopters' approval is the adoption agency's own
record, not a child's)."""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_migrate

from haven.care.adoption import chronology, section, timescales
from haven.care.adoption.decisions import CEASED
from haven.care.adoption.sealed import PLACED
from haven.care.visits import timeline
from haven.core.chronology import describe_events
from haven.core.journal import listen
from haven.core.roles import ROLES_BY_KEY, sync_role
from haven.people.sections import person_section
from haven.timescales.registry import activate

person_section("care_adoption", "care/_adoption_section.html", order=25)(
    section.adoption_section
)
describe_events(chronology.WORDS)
listen(timescales.on_authority)


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
