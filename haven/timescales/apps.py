from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "haven.timescales"
    label = "timescales"
    verbose_name = "Statutory timescales"

    def ready(self) -> None:
        from haven.core import journal
        from haven.timescales import engine, queue  # noqa: F401  (registers its source)

        # Obligations commit with the event that changes them, or not at all.
        journal.listen(engine.on_event)
