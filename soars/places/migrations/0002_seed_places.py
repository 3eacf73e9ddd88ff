from django.db import migrations


def load(apps, schema_editor):
    from soars.places.seed import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
