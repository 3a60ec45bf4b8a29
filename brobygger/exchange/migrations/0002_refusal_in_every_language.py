"""The reason a file was refused is kept in every language, so each reader reads it in theirs. A
reason kept before as text (in the worker's language) stays readable as it was written."""

from django.db import migrations, models


def keep_old_reasons(apps, schema_editor):
    ImportBatch = apps.get_model("exchange", "ImportBatch")
    for batch in ImportBatch.objects.exclude(old_refusal=""):
        batch.refusal = {"da": batch.old_refusal, "en": batch.old_refusal}
        batch.save(update_fields=["refusal"])


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]

    operations = [
        migrations.RenameField("importbatch", "refusal", "old_refusal"),
        migrations.AddField(
            "importbatch",
            "refusal",
            models.JSONField(blank=True, default=dict, verbose_name="why it cannot be imported"),
        ),
        migrations.RunPython(keep_old_reasons, migrations.RunPython.noop),
        migrations.RemoveField("importbatch", "old_refusal"),
    ]
