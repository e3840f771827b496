import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cin", "0004_rename_episode_cinepisode"),
        ("earlyhelp", "0006_family_agreement"),
        ("frontdoor", "0007_adults_named_on_contact"),
    ]

    operations = [
        migrations.CreateModel(
            name="DecisionOutcome",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "decision",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="outcome",
                        to="frontdoor.contactchild",
                    ),
                ),
                (
                    "early_help_request",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="front_door_decisions",
                        to="earlyhelp.earlyhelprequest",
                    ),
                ),
                (
                    "episode",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="front_door_decisions",
                        to="cin.cinepisode",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("episode__isnull", True),
                            ("early_help_request__isnull", True),
                            _connector="OR",
                        ),
                        name="decision_outcome_one_service",
                    )
                ],
            },
        ),
    ]
