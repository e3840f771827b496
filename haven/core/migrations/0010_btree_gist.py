"""PostgreSQL's btree_gist, so an exclusion constraint can say "the same owner"
(equality on an id) beside "overlapping dates" (haven.core.periods). Nothing
on SQLite."""

from django.db import migrations

from haven.core.periods import BtreeGistExtension


class Migration(migrations.Migration):
    dependencies = [("core", "0009_case_roles_and_registration_numbers")]

    operations = [BtreeGistExtension()]
