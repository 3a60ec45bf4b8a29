from django.db import migrations


def load(apps, schema_editor):
    from brobygger.companies import esco

    esco.load(apps.get_model("companies", "EscoOccupation"))


class Migration(migrations.Migration):
    dependencies = [("companies", "0002_escooccupation_company_agreement_in_place_and_more")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
