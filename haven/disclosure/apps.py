from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    """Exports of a person's whole record (subject access). It reads every
    domain app, so it sits above them all and nothing imports it."""

    name = "haven.disclosure"
    label = "disclosure"
