from django.db import migrations

from haven.core.db import triggers


class Migration(migrations.Migration):
    dependencies = [("core", "0002_add_journal_and_access")]

    operations = [migrations.RunPython(triggers.install, triggers.remove)]
