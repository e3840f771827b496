from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "haven.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from haven.assessments import (  # noqa: F401  (register themselves)
            episodes,  # the assessments on a CIN episode: its page and closure
            work,  # My work items
        )
        from haven.assessments.codes import Outcome
        from haven.core.chronology import DESCRIBERS, HIDDEN
        from haven.timescales.registry import activate

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

        def _outcome(code: str) -> str:
            try:
                return str(Outcome(code).label)
            except ValueError:
                return str(code)

        # Each save of the assessor's draft is journalled, but it is the
        # assessor's working text, not something that happened to the child.
        HIDDEN.add("assessments.assessment_updated")
        DESCRIBERS.update(
            {
                "assessments.assessment_started": lambda p: "Single assessment started",
                "assessments.assessment_submitted": lambda p: (
                    "Single assessment submitted for authorisation"
                ),
                "assessments.assessment_returned": lambda p: (
                    f"Single assessment returned: {p.get('comments', '')}"
                ),
                "assessments.assessment_authorised": lambda p: (
                    "Single assessment authorised. Outcome: "
                    + _outcome(p.get("outcome", ""))
                ),
            }
        )
