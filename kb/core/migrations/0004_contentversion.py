from django.db import migrations, models
from django.utils import timezone


def create_row(apps, schema_editor):
    ContentVersion = apps.get_model("core", "ContentVersion")
    ContentVersion.objects.get_or_create(
        pk=1, defaults={"value": int(timezone.now().timestamp() * 1000)}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_law_history_and_field_sync"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0)),
                ("next_publication", models.DateTimeField(blank=True, null=True)),
            ],
            options={"verbose_name": "内容版本", "verbose_name_plural": "内容版本"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
