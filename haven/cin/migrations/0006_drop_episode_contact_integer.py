from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cin", "0005_episode_contact_is_a_foreign_key")]

    operations = [migrations.RemoveField("cinepisode", "contact_ref")]
