"""The episode's contact becomes a foreign key to the front door's contact
(issue 11 item 19): the old integer is kept as contact_ref, copied into the key
where that contact exists, and dropped in the next migration (a separate
transaction: PostgreSQL refuses to alter a table with checks still pending)."""

import django.db.models.deletion
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
    dependencies = [
        ("cin", "0004_rename_episode_cinepisode"),
        ("frontdoor", "0007_adults_named_on_contact"),
    ]

    operations = [
        migrations.RenameField("cinepisode", "contact_id", "contact_ref"),
        migrations.AddField(
            model_name="cinepisode",
            name="contact",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="cin_episodes",
                to="frontdoor.contact",
            ),
        ),
        migrations.RunPython(to_key, to_integer),
    ]
