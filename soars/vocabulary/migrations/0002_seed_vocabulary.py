from django.db import migrations


def load(apps, schema_editor):
    from soars.vocabulary.seed import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("vocabulary", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
