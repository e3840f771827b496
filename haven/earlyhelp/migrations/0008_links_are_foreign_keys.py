"""A request's links to the front door's contacts and social care's episode
become foreign keys (issue 11 item 19): each old integer is kept as *_ref,
copied into its key where that record exists (0008), and dropped (0009): each
step its own transaction, as PostgreSQL refuses to alter a table with row checks
pending."""

import django.db.models.deletion
from django.db import migrations, models

# (old integer field, key, model the key points at, related name)
LINKS = (
    ("contact_id", "contact", "frontdoor.contact", "early_help_requests"),
    ("cin_episode_id", "cin_episode", "cin.cinepisode", "stepped_up_early_help"),
    (
        "stepped_up_contact_id",
        "stepped_up_contact",
        "frontdoor.contact",
        "stepped_up_early_help",
    ),
)
HELP = {
    "contact": "The front door contact that led here.",
    "cin_episode": "The social care episode it stepped up to.",
    "stepped_up_contact": "The front door contact the step up made.",
}


def _ref(key):
    return f"{key}_ref"


def _operations():
    for old, key, target, related in LINKS:
        yield migrations.RenameField("earlyhelprequest", old, _ref(key))
        yield migrations.AddField(
            model_name="earlyhelprequest",
            name=key,
            field=models.ForeignKey(
                blank=True,
                null=True,
                help_text=HELP[key],
                on_delete=django.db.models.deletion.PROTECT,
                related_name=related,
                to=target,
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("earlyhelp", "0007_date_periods"),
        ("cin", "0004_rename_episode_cinepisode"),
        ("frontdoor", "0007_adults_named_on_contact"),
    ]

    operations = list(_operations())
