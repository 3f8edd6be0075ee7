"""The history tables and the review queue now live with the content they belong to.

Their rows were copied (ids kept) by laws.0004, articles.0006 and guide.0003.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_content_version_pages"),
        ("laws", "0004_history_in_laws"),
        ("articles", "0006_history_and_review_queue_in_articles"),
        ("guide", "0003_history_in_guide"),
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
    ]
