"""Before one draft per worker, child and form is enforced: keep one of each pile.

A worker's drafts for one child piled up as copies of the same note (each
opening of the form, failed save or radio click started another). The one kept
is the most recently typed; empty ones go first. One-way: the copies removed
are not recreated on the way back.
"""

from django.db import migrations


def keep_one_draft_per_worker_and_child(apps, schema_editor):
    Draft = apps.get_model("casework", "Draft")
    typed = Draft.objects.exclude(fields={}).order_by("-updated_at", "-pk")
    empty = Draft.objects.filter(fields={}).order_by("-updated_at", "-pk")
    kept: set[tuple[int, int]] = set()
    extra: list[int] = []
    for drafts in (typed, empty):
        rows = drafts.values_list("pk", "author_id", "person_id")
        for pk, author, person in rows.iterator():
            if (author, person) in kept:
                extra.append(pk)
            else:
                kept.add((author, person))
    for start in range(0, len(extra), 500):
        Draft.objects.filter(pk__in=extra[start : start + 500]).delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_default_oversight_policy")]

    operations = [
        migrations.RunPython(
            keep_one_draft_per_worker_and_child, migrations.RunPython.noop
        )
    ]
