from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "haven.timescales"
    label = "timescales"
    verbose_name = "Statutory timescales"

    def ready(self) -> None:
        from haven.core import journal
        from haven.people.sections import person_section
        from haven.timescales import engine, queue  # registers its work source

        # Obligations commit with the event that changes them, or not at all.
        journal.listen(engine.on_event)
        person_section("due", "timescales/_person_due.html", order=10)(
            queue.person_section
        )
