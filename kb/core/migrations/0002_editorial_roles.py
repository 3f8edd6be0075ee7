"""Once created the editorial groups; they are now made by editorial.0001_editorial_roles."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_history_and_review_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
