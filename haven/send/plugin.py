"""What SEND declares to the rest of Haven: its pages under /send/, the SEND
menu entry, the "SEND" section of a child's page,
its work items, and the EHC timescales it makes live (the catalogue's SEN-*
rules; every one is the SEND team's, so none joins a social worker's queue but
the social care advice, which its own work source shows). Annual reviews:
reviews.py."""

from haven.core.chronology import describe_events
from haven.core.flags import person_flag
from haven.core.mounts import mount
from haven.core.navigation import menu_entry
from haven.core.work import work_source
from haven.people.sections import person_section
from haven.send import (
    chronology,
    details_chronology,
    flags,
    permissions,
    section,
    work,
)
from haven.send.changes import plugin as changes_plugin  # noqa: F401
from haven.send.sen2 import views as sen2_views
from haven.timescales.registry import activate

mount("send/", "haven.send.urls")
menu_entry("SEND", "send:queue", order=77, shown=permissions.may_manage_ehc)
# The SEN2 return and the timeliness report (linked from each other) are the
# performance analyst's too; SEND officers reach both from their queue.
menu_entry("SEN2 return", "send:sen2", order=78, shown=sen2_views.may_make_sen2)
person_section("send", "send/_person_section.html", order=24)(section.send_section)
describe_events(chronology.WORDS)
person_flag("ehc_plan", flags.WORDS, order=30, colour="purple", topic="education")(
    flags.with_a_plan
)
describe_events(details_chronology.WORDS)
work_source(work.social_care_advice)
work_source(work.send_officer_duties)

# An open request passed to another authority closes here (changes/transfers.py).
EXPORTED = "send.request_exported"
for rule_id, key, met_by, ended_by, action, url_name in (
    (
        "SEN-ASSESS-DECISION",
        "request",
        ("send.decided_to_assess", "send.decided_not_to_assess"),
        (EXPORTED,),
        "Decide whether to carry out an EHC needs assessment",
        "send:decide_assessment",
    ),
    (
        "SEN-ADVICE",
        "advice",
        ("send.advice_received",),
        (EXPORTED,),
        "Get the advice for the EHC needs assessment",
        "send:advice",
    ),
    (
        "SEN-NO-PLAN",
        "request",
        ("send.decided_not_to_issue",),
        ("send.decided_not_to_assess", "send.decided_to_issue", EXPORTED),
        "Decide whether to issue an EHC plan",
        "send:decide_plan",
    ),
    (
        "SEN-EHCP-20W",
        "request",
        ("send.plan_finalised",),
        ("send.decided_not_to_assess", "send.decided_not_to_issue", EXPORTED),
        "Issue the final EHC plan",
        "send:request",
    ),
    # Rolling: each review meeting meets the duty and it falls due again 12
    # months after the meeting; ceasing the plan ends it.
    (
        "SEN-ANNUAL",
        "plan",
        ("send.annual_review_meeting_held",),
        ("send.plan_ceased",),
        "Hold the annual review of the EHC plan",
        "send:review_meeting",
    ),
    (
        "SEN-AR-STEPS",
        "review",
        ("send.annual_review_decided",),
        (),
        "Decide whether to keep, amend or cease the EHC plan after its review",
        "send:review_decision",
    ),
):
    activate(
        rule_id,
        key=key,
        met_by=met_by,
        ended_by=ended_by,
        action=action,
        url_name=url_name,
        may_act=permissions.may_manage_ehc,
        social_workers=False,
    )
