"""The default oversight periods: 4 weeks for CP and looked-after, 6 otherwise."""

import datetime as dt

from django.db import migrations
from django.utils import timezone

SOURCE = "Local policy (Haven default)"


def add_defaults(apps, schema_editor):
    OversightPolicy = apps.get_model("casework", "OversightPolicy")
    for category, weeks in (("cp_or_looked_after", 4), ("other", 6)):
        OversightPolicy.objects.create(
            category=category,
            weeks=weeks,
            source=SOURCE,
            reason="Default set when Haven was installed",
            applies_from=dt.date(2000, 1, 1),
            recorded_at=timezone.now(),
        )


def remove_defaults(apps, schema_editor):
    OversightPolicy = apps.get_model("casework", "OversightPolicy")
    OversightPolicy.objects.filter(source=SOURCE, changed_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
