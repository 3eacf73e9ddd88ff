"""The search documents' table. Replaces the migrations 0001-0007 of earlier versions: a database
that has applied those skips this one, and 0002 brings either to the same schema."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("search", "0001_initial"),
        ("search", "0002_database_specific_index"),
        ("search", "0003_searchdocument_search_document_join"),
        ("search", "0004_analyze_after_search_indexes"),
        ("search", "0005_head_index"),
        ("search", "0006_sample_and_kind_indexes"),
        ("search", "0007_heads_covering_index"),
    ]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=40)),
                ("object_id", models.BigIntegerField()),
                ("title", models.TextField(blank=True)),
                ("names", models.TextField(blank=True, help_text="People's and organizations' names.")),
                ("body", models.TextField(blank=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="unique_search_document")],
            },
        ),
    ]
