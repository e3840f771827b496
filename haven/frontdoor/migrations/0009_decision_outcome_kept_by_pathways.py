"""What a decision started is kept by haven.pathways (DecisionOutcome), whose
migration 0002 copies these ids first (it runs before this one)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("frontdoor", "0008_referral_source_dfe_wording")]

    operations = [
        migrations.RemoveField("contactchild", "episode_id"),
        migrations.RemoveField("contactchild", "early_help_request_id"),
    ]
