"""Details last at most a year and sabbaticals 90 to 335 days (issue 17): reload the opportunity types."""

from django.db import migrations


def reload_types(apps, schema_editor):
    from soars.core.reference import load_simple

    load_simple(apps, "OpportunityType", "opportunity_types.json", ordered=True)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_outbound_email_headers")]

    operations = [migrations.RunPython(reload_types, migrations.RunPython.noop)]
