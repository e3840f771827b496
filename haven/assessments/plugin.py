"""What assessments declare to the rest of Haven: their pages and menu entry,
the single assessment's timescale, chronology words, work items, and the
authorisation that counts as management oversight."""

from haven.assessments import chronology, episodes, work
from haven.casework.oversight import oversight_decision
from haven.cin.episode_work import episode_work
from haven.cin.sections import episode_section
from haven.core.chronology import describe_events, hide_events
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.core.work import work_source
from haven.timescales.registry import activate

mount("assessments/", "haven.assessments.urls")

menu_entry(
    "To authorise",
    "assessments:awaiting",
    order=60,
    shown=with_perm("core.manage_team_cases"),
)

activate(
    "ASSESS-CF",
    key="assessment",
    met_by=("assessments.assessment_authorised",),
    ended_by=("cin.episode_closed",),
    action="Complete and authorise the single assessment",
    url_name="assessments:detail",
    # Until issue 11 a referral started its assessment, and its event
    # named it: those referrals keep their assessment's clock.
    formerly_started_by=("frontdoor.referral_received",),
)
describe_events(chronology.WORDS)
hide_events(*chronology.HIDDEN)
work_source(work.assessments_to_authorise)
oversight_decision("assessments.assessment_authorised", "Assessment authorised")

# The assessments on a CIN episode: their rows and buttons on the child's CIN
# page, and what closing the episode needs of them.
episode_section(
    "assessments",
    "assessments/_episode_rows.html",
    buttons="assessments/_episode_buttons.html",
    order=10,
)(episodes.on_the_episode)
episode_work(episodes.WORK)
