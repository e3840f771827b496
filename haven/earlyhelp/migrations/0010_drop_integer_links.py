from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("earlyhelp", "0009_copy_links")]

    operations = [
        migrations.RemoveField("earlyhelprequest", "contact_ref"),
        migrations.RemoveField("earlyhelprequest", "cin_episode_ref"),
        migrations.RemoveField("earlyhelprequest", "stepped_up_contact_ref"),
    ]
