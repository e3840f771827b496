"""Copy each link's id into its key, where the record it names exists."""

from django.db import migrations, models

# (key, the model it points at)
LINKS = (
    ("contact", "frontdoor.contact"),
    ("cin_episode", "cin.cinepisode"),
    ("stepped_up_contact", "frontdoor.contact"),
)


def _ref(key):
    return f"{key}_ref"


def to_keys(apps, schema_editor):
    Request = apps.get_model("earlyhelp", "EarlyHelpRequest")
    for key, target in LINKS:
        Target = apps.get_model(*target.split("."))
        Request.objects.filter(
            **{f"{_ref(key)}__in": Target.objects.values("pk")}
        ).update(**{key: models.F(_ref(key))})


def to_integers(apps, schema_editor):
    Request = apps.get_model("earlyhelp", "EarlyHelpRequest")
    for key, _target in LINKS:
        Request.objects.update(**{_ref(key): models.F(key)})


class Migration(migrations.Migration):
    dependencies = [("earlyhelp", "0008_links_are_foreign_keys")]

    operations = [migrations.RunPython(to_keys, to_integers)]
