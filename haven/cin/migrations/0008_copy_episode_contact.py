"""Copy each episode's contact id into its key, where that contact exists."""

from django.db import migrations, models


def to_key(apps, schema_editor):
    Episode = apps.get_model("cin", "CinEpisode")
    Contact = apps.get_model("frontdoor", "Contact")
    Episode.objects.filter(contact_ref__in=Contact.objects.values("pk")).update(
        contact=models.F("contact_ref")
    )


def to_integer(apps, schema_editor):
    Episode = apps.get_model("cin", "CinEpisode")
    Episode.objects.update(contact_ref=models.F("contact"))


class Migration(migrations.Migration):
    dependencies = [("cin", "0007_episode_contact_is_a_foreign_key")]

    operations = [migrations.RunPython(to_key, to_integer)]
