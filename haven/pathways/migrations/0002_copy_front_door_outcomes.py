"""Copy what each front-door decision started or joined from the integers the
front door kept (ContactChild.episode_id, early_help_request_id) into
DecisionOutcome, before frontdoor 0008 drops them. An id whose record no longer
exists is not copied (the decision's journal event still names it)."""

from django.db import migrations


def copy(apps, schema_editor):
    ContactChild = apps.get_model("frontdoor", "ContactChild")
    Episode = apps.get_model("cin", "CinEpisode")
    Request = apps.get_model("earlyhelp", "EarlyHelpRequest")
    Outcome = apps.get_model("pathways", "DecisionOutcome")
    episodes = set(Episode.objects.values_list("pk", flat=True))
    requests = set(Request.objects.values_list("pk", flat=True))
    rows = ContactChild.objects.exclude(
        episode_id=None, early_help_request_id=None
    ).values_list("pk", "episode_id", "early_help_request_id")
    Outcome.objects.bulk_create(
        Outcome(
            decision_id=pk,
            episode_id=episode if episode in episodes else None,
            early_help_request_id=(
                request if request in requests and episode is None else None
            ),
        )
        for pk, episode, request in rows.iterator()
        if episode in episodes or request in requests
    )


def uncopy(apps, schema_editor):
    ContactChild = apps.get_model("frontdoor", "ContactChild")
    Outcome = apps.get_model("pathways", "DecisionOutcome")
    for outcome in Outcome.objects.all().iterator():
        ContactChild.objects.filter(pk=outcome.decision_id).update(
            episode_id=outcome.episode_id,
            early_help_request_id=outcome.early_help_request_id,
        )
    Outcome.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pathways", "0001_decision_outcome")]
    run_before = [("frontdoor", "0009_decision_outcome_kept_by_pathways")]

    operations = [migrations.RunPython(copy, uncopy)]
