"""Postings and resumes share one choice set of work arrangements (soars.core.arrangements).

A posting's "telework" (some days teleworked) is now "hybrid"; "on_site" and "remote" keep their
values. Postings may also state how many days after the start date an executive may still start.
"""

from django.db import migrations, models

# Old posting value -> new one (values not listed keep their value).
POSTING_ARRANGEMENT = {"telework": "hybrid"}


def to_arrangements(apps, schema_editor):
    Opportunity = apps.get_model("opportunities", "Opportunity")
    for old, new in POSTING_ARRANGEMENT.items():
        Opportunity.objects.filter(remote=old).update(remote=new)


def to_old_values(apps, schema_editor):
    Opportunity = apps.get_model("opportunities", "Opportunity")
    for old, new in POSTING_ARRANGEMENT.items():
        Opportunity.objects.filter(remote=new).update(remote=old)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0003_search_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="start_flexibility_days",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="How many days after the start date an executive may still start. Leave empty if none.",
                null=True,
                verbose_name="start date flexibility in days",
            ),
        ),
        migrations.AlterField(
            model_name="opportunity",
            name="remote",
            field=models.CharField(
                choices=[("on_site", "On site"), ("hybrid", "Hybrid"), ("remote", "Fully remote")],
                default="on_site",
                max_length=10,
                verbose_name="work arrangement",
            ),
        ),
        migrations.RunPython(to_arrangements, to_old_values),
    ]
