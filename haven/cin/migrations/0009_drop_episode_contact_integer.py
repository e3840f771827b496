from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cin", "0008_copy_episode_contact")]

    operations = [migrations.RemoveField("cinepisode", "contact_ref")]
