"""Writes for early help, the app's public surface: each lives in the module
named for what it holds (requests, assessment, plans, closure) and is named
here for callers. Each checks permission and access, validates, changes
state and journals its event on the record of each child the request covers
(as a casework note seen with siblings is), in one transaction.

Journal events (all carry "request", the request's id):
  earlyhelp.requested             {"request", "source", "contact", "team",
                                   "children"} ("children": the ids of every
                                   child the request covers)
  earlyhelp.request_allocated     {"request", "worker", "worker_id", "team",
                                   "waited_days", "alongside_social_care"}
  earlyhelp.assessment_completed  {"request", "assessment"}
  earlyhelp.plan_started          {"request", "plan", "actions"}
  earlyhelp.plan_action_done      {"request", "plan", "action", "words"}
  earlyhelp.plan_reviewed         {"request", "plan", "review"}
  earlyhelp.episode_closed        {"request", "outcome", "episode", "contact", "notes",
                                   "case"} ("case": what became of the early
                                   help worker's allocation: "returned_to_team",
                                   "allocation_ended", "stepped_up_to_team" or
                                   "unchanged"; with "case_team" when the case
                                   moved to a team)
"""

from haven.earlyhelp.assessment import complete_assessment
from haven.earlyhelp.closure import close_episode, step_up
from haven.earlyhelp.plans import (
    ActionLine,
    check_plan,
    complete_action,
    review_plan,
    start_plan,
)
from haven.earlyhelp.requests import (
    allocate_request,
    early_help_team,
    request_early_help,
)

__all__ = [
    "ActionLine",
    "allocate_request",
    "check_plan",
    "close_episode",
    "complete_action",
    "complete_assessment",
    "early_help_team",
    "request_early_help",
    "review_plan",
    "start_plan",
    "step_up",
]
