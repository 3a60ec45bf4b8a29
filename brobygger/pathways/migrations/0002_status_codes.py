from django.db import migrations


def load_codes(apps, schema_editor):
    from brobygger.pathways.codes import load

    load(apps.get_model("pathways", "StatusCode"))


class Migration(migrations.Migration):
    dependencies = [("pathways", "0001_initial")]

    operations = [migrations.RunPython(load_codes, migrations.RunPython.noop)]
