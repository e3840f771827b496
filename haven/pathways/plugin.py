"""What the pathways declare to the apps below them: where a front-door decision
leads, and what closing a children in need episode hands on to early help."""

from haven.cin.handoffs import beyond_social_care
from haven.frontdoor import routing
from haven.frontdoor.codes import REFERRAL_DECISIONS, Decision
from haven.pathways import referrals
from haven.pathways.step_down import ToEarlyHelp

routing.next_step(Decision.EARLY_HELP)(referrals.ask_early_help)
routing.next_step(*REFERRAL_DECISIONS)(referrals.refer)
routing.childs_work(referrals.childs_work)
beyond_social_care(ToEarlyHelp())
