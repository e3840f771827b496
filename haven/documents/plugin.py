"""What documents declare to the rest of Haven: their pages beside the
record's, the letter templates page, the chronology words, the section on a
child's page, and the letter templates kept in step after each migrate."""

from django.apps import apps
from django.db.models.signals import post_migrate

from haven.core.chronology import describe_events, name_person
from haven.core.mounts import mount
from haven.core.navigation import menu_entry, with_perm
from haven.documents import chronology, sections, services
from haven.people.sections import person_section

mount("people/<int:pk>/", "haven.documents.urls")
mount("letter-templates/", "haven.documents.template_urls")

menu_entry(
    "Letter templates",
    "letter_templates:list",
    order=92,
    shown=with_perm("core.manage_reference_data"),
)

describe_events(chronology.WORDS)
name_person("documents.letter_issued", "recipient", "Letter sent to a relative")

person_section("documents", "documents/_person_section.html", order=40)(
    sections.documents_section
)

post_migrate.connect(services.ensure_templates, sender=apps.get_app_config("documents"))
