"""What child protection declares to the rest of Haven: the CP-* timescales,
chronology words, the stricter oversight of children on a plan, and what its
work means to the child's CIN episode.

The obligations are keyed on what they are about: the episode (a strategy
discussion is due), the section 47 enquiry (its initial conference), the plan
(its core groups and reviews) or the child (visits, met by a visit note that
saw them, as CIN-VISIT is). Its pages are under child-protection/, and its
work on an episode shows in the episode's section of the child's children in
need page. A front-door decision for a strategy discussion leads the manager
to its form. Chairs and conference administrators each have a work source
(their queues, on My work too).
"""

from django.apps import apps
from django.db.models.signals import post_migrate

from haven.casework.caseload_facts import caseload_facts
from haven.casework.oversight import stricter_oversight
from haven.cin.episode_work import episode_work
from haven.cin.sections import episode_section
from haven.core.chronology import describe_events
from haven.core.flags import person_flag
from haven.core.journal import listen
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.frontdoor.codes import STRATEGY_DECISIONS
from haven.frontdoor.routing import continue_at
from haven.people.sections import person_section
from haven.protection import (
    admin_work,
    births,
    chair_work,
    chronology,
    episodes,
    front_door,
    history,
    roles,
)
from haven.protection import episode_section as section
from haven.protection.caseload import protection_facts
from haven.protection.models import ChildProtectionPlan
from haven.protection.permissions import may_see_chairs_workload
from haven.timescales.registry import activate

CLOSED = "cin.episode_closed"
PLAN_ENDED = "protection.child_protection_plan_ended"
CORE_GROUP = "protection.core_group_held"
REVIEW = "protection.review_conference_held"
ICPC = "protection.initial_conference_held"

mount("child-protection/", "haven.protection.urls")
menu_entry(
    "Conferences",
    "protection:my_conferences",
    order=15,
    shown=with_perm("core.chair_conferences"),
)
menu_entry(
    "Conference administration",
    "protection:administration",
    order=16,
    shown=with_perm("core.administer_conferences"),
)
menu_entry(
    "Chairs' workload", "protection:chairs", order=55, shown=may_see_chairs_workload
)
work_source(chair_work.conference_work)
work_source(admin_work.admin_work)
continue_at(*STRATEGY_DECISIONS)(front_door.record_the_discussion)

activate(
    "CP-STRAT",
    key="episode",
    met_by=("protection.strategy_discussion_held",),
    ended_by=(CLOSED,),
    action="Hold a strategy discussion",
    url_name="protection:strategy",
)
activate(
    "CP-S47",
    key="section_47",
    met_by=(
        "protection.initial_conference_recommended",
        "protection.section_47_enquiry_completed",
    ),
    ended_by=(CLOSED,),
    action="Complete the section 47 enquiry",
    url_name="protection:enquiry",
)
activate(
    "CP-ICPC",
    key="section_47",
    met_by=(ICPC,),
    ended_by=("protection.section_47_enquiry_completed", CLOSED),
    action="Hold the initial child protection conference",
    url_name="protection:enquiry",
)
activate(
    "CP-ICPC-REQUEST",
    key="section_47",
    met_by=(ICPC,),
    ended_by=(CLOSED,),
    action="Ask the child protection unit to book the initial conference",
    url_name="protection:enquiry",
)
for rule_id, action in (
    ("CP-PLAN-OUTLINE", "Develop the outline plan into the detailed plan"),
    ("CP-CORE1", "Hold the first core group meeting"),
    ("CP-CORE-N", "Hold the next core group meeting"),
):
    activate(
        rule_id,
        key="plan",
        met_by=(CORE_GROUP,),
        ended_by=(PLAN_ENDED, CLOSED),
        action=action,
        url_name="protection:plan",
    )
for rule_id, action in (
    ("CP-RCPC1", "Hold the first review child protection conference"),
    ("CP-RCPC-N", "Hold the next review child protection conference"),
):
    activate(
        rule_id,
        key="plan",
        met_by=(REVIEW,),
        ended_by=(PLAN_ENDED, CLOSED),
        action=action,
        url_name="protection:plan",
    )
activate(
    "CP-PREBIRTH",
    key="plan",
    met_by=(CORE_GROUP, REVIEW),
    ended_by=(PLAN_ENDED, CLOSED),
    action="Hold a core group or review now the baby is born",
    url_name="protection:plan",
)
activate(
    "CP-TRANSFER-IN",
    key="episode",
    met_by=(ICPC,),
    ended_by=(CLOSED,),
    action="Hold the transfer-in child protection conference",
    url_name="protection:transfer_in",
)
activate(
    "CP-VISIT",
    key="seen_on_visit",
    met_by=("casework.note_recorded",),
    ended_by=(PLAN_ENDED, CLOSED),
    action="Visit the child on a child protection plan and see them",
    url_name="casework:record_visit",
)
describe_events(chronology.WORDS)
listen(births.on_birth_recorded)
stricter_oversight(
    lambda: ChildProtectionPlan.objects.filter(ended_on=None).values("person_id")
)
person_section("child_protection", "protection/_person_history.html", order=20)(
    history.person_section
)
person_flag("child_protection_plan", "On a child protection plan", order=10)(
    chair_work.on_a_plan
)
episode_work(episodes.WORK)
episode_section(
    "child_protection",
    "protection/_episode_rows.html",
    buttons="protection/_episode_buttons.html",
    order=20,
)(section.on_the_episode)

# The conference administrator's and the chairs' manager's groups follow
# roles.py after every migrate, as the core's roles do.
post_migrate.connect(roles.sync_roles, sender=apps.get_app_config("protection"))
caseload_facts("protection", order=10)(protection_facts)
