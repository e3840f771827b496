from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "haven.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door"

    def ready(self) -> None:
        from haven.core.chronology import DESCRIBERS
        from haven.frontdoor import access, work  # noqa: F401  (they register)
        from haven.frontdoor.chronology import WORDS
        from haven.timescales.registry import activate

        activate(
            "REF-DECISION",
            key="contact",
            met_by=("frontdoor.contact_decided",),
            action="Decide what happens next with the contact",
            url_name="frontdoor:decide",
        )
        DESCRIBERS.update(WORDS)
