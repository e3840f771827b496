# The CIN census episode is named for what it is, so it cannot be taken for an
# SSDA903 episode (issue 11 item 16).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cin", "0003_plan_review_attendance_views_and_next_review"),
    ]

    operations = [
        migrations.RenameModel(old_name="Episode", new_name="CinEpisode"),
    ]
