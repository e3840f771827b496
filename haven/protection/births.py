"""A baby on a pre-birth child protection plan is born: when the child's date
of birth is first recorded on their record (people.details_changed, the
people app's event for any change of details), the birth is journaled for the
plan, and CP-PREBIRTH asks for a core group or review conference within ten
working days of it.

Journal event:
  protection.pre_birth_plan_child_born {"plan", "episode", "born_on"}
      (starts CP-PREBIRTH, dated the day of the birth)
"""

import datetime as dt

from haven.core import clock, journal
from haven.core.models import JournalEvent
from haven.protection.codes import ConferenceKind
from haven.protection.models import ChildProtectionPlan


def _born_on(event: JournalEvent) -> dt.date | None:
    """The date of birth the change recorded where none was known before."""
    if event.type != "people.details_changed" or event.corrects_id is not None:
        return None
    before = event.payload.get("before", {})
    after = event.payload.get("after", {})
    if before.get("date_of_birth") or not after.get("date_of_birth"):
        return None
    return dt.date.fromisoformat(after["date_of_birth"])


def on_birth_recorded(event: JournalEvent) -> None:
    """A journal listener (plugin.py), inside the transaction recording the
    birth, so the two commit together."""
    born = _born_on(event)
    if born is None:
        return
    plan = (
        ChildProtectionPlan.objects.filter(
            person_id=event.person_id,
            ended_on=None,
            starting_conference__kind=ConferenceKind.PRE_BIRTH,
        )
        .select_related("person")
        .first()
    )
    if plan is None:
        return
    journal.append(
        plan.person,
        "protection.pre_birth_plan_child_born",
        {"plan": plan.pk, "episode": plan.episode_id, "born_on": born},
        by=event.actor,
        occurred_at=clock.start_of(born),
        significant=True,
    )
