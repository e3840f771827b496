"""The episode's contact becomes a foreign key to the front door's contact
(issue 11 item 19): the old integer is kept as contact_ref, copied into the key
where that contact exists (0006), and dropped (0007): each step its own
transaction, as PostgreSQL refuses to alter a table with row checks pending."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cin", "0006_primary_need_from_dfe_code_list"),
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
    ]
