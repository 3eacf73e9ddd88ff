from django.db import migrations


def load(apps, schema_editor):
    from soars.core.reference import load_reference

    load_reference(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
