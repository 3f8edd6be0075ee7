"""The history tables and the review queue now live with the content they belong to.

Their rows were copied (ids kept) by laws.0004, articles.0006 and guide.0003.
"""

from django.db import migrations

MOVED = [
    "reviewqueuearticle",
    "historicalarticle",
    "historicalfaq",
    "historicallaw",
    "historicalprovision",
    "historicaltree",
    "historicalnode",
    "historicalchoice",
]


def forget_moved_models(apps, schema_editor):
    """Their content types and permissions (the groups hold the new apps' ones instead)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model__in=MOVED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_content_version_pages"),
        ("laws", "0004_history_in_laws"),
        ("articles", "0006_history_and_review_queue_in_articles"),
        ("guide", "0003_history_in_guide"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.DeleteModel(name="ReviewQueueArticle"),
        migrations.DeleteModel(name="HistoricalArticle"),
        migrations.DeleteModel(name="HistoricalFAQ"),
        migrations.DeleteModel(name="HistoricalLaw"),
        migrations.DeleteModel(name="HistoricalProvision"),
        migrations.DeleteModel(name="HistoricalTree"),
        migrations.DeleteModel(name="HistoricalNode"),
        migrations.DeleteModel(name="HistoricalChoice"),
        migrations.RunPython(forget_moved_models, migrations.RunPython.noop),
    ]
