"""Logins made before invitations: their address was entered by the organisation's administrator
and has been used to log in and to reset the password since, so it is recorded as verified. An
address someone only added to their own login (allauth's e-mail page) stays unverified."""

from django.db import migrations


def record_verified_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    without = User.objects.exclude(pk__in=EmailAddress.objects.values("user_id"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in without],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_session_stamp"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(record_verified_addresses, migrations.RunPython.noop)]
