"""Create the editorial groups 编辑 and 审核 and the articles.publish_article permission."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from kb.editorial.roles import ensure_roles

    ensure_roles(apps)


def remove_roles(apps, schema_editor):
    from kb.editorial.roles import EDITOR, REVIEWER

    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, REVIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_history_and_review_queue_in_articles"),
        ("guide", "0003_history_in_guide"),
        ("laws", "0004_history_in_laws"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
