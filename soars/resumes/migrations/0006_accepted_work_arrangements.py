"""A resume lists the work arrangements the executive accepts (soars.core.arrangements), not one preference.

Each old preference becomes the set it named: "on_site" -> on site, "hybrid" (part telework) ->
hybrid, "remote" (full telework) -> fully remote, "any" -> all three; none stated stays empty
(not stated: any arrangement). So the HR filter "willing to work remotely" finds the same resumes.
"""

from django.conf import settings
from django.db import migrations, models

# Old preference -> the arrangements accepted.
ACCEPTED = {
    "on_site": ["on_site"],
    "hybrid": ["hybrid"],
    "remote": ["remote"],
    "any": ["on_site", "hybrid", "remote"],
}


def to_accepted(apps, schema_editor):
    Resume = apps.get_model("resumes", "Resume")
    for old, arrangements in ACCEPTED.items():
        Resume.objects.filter(remote=old).update(arrangements=arrangements)


def to_preference(apps, schema_editor):
    Resume = apps.get_model("resumes", "Resume")
    by_set = {tuple(arrangements): old for old, arrangements in ACCEPTED.items()}
    for resume in Resume.objects.exclude(arrangements=[]).only("pk", "arrangements"):
        old = by_set.get(tuple(resume.arrangements), "any")
        Resume.objects.filter(pk=resume.pk).update(remote=old)


def analyze(apps, schema_editor):
    # Statistics for the new indexes (see 0004).
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE resumes_resume")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_outbound_email_headers"),
        ("resumes", "0005_ecq_narrative"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="resume",
            name="arrangements",
            field=models.JSONField(blank=True, default=list, verbose_name="work arrangements accepted"),
        ),
        migrations.RunPython(to_accepted, to_preference),
        migrations.RemoveIndex(model_name="resume", name="resume_search_columns"),
        migrations.RemoveIndex(model_name="resume", name="resume_visible_columns"),
        migrations.RemoveField(model_name="resume", name="remote"),
        migrations.AddIndex(
            model_name="resume",
            index=models.Index(
                fields=[
                    "id",
                    "visibility",
                    "executive",
                    "eligibility",
                    "clearance",
                    "arrangements",
                    "available_from",
                    "updated_at",
                    "locations",
                ],
                name="resume_search_columns",
            ),
        ),
        migrations.AddIndex(
            model_name="resume",
            index=models.Index(
                fields=[
                    "visibility",
                    "executive",
                    "eligibility",
                    "clearance",
                    "arrangements",
                    "available_from",
                    "updated_at",
                    "locations",
                ],
                name="resume_visible_columns",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]
