"""`manage.py check --deploy` fails on missing, malformed or development keys."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from . import keys


@register(Tags.security, deploy=True)
def encryption_keys(app_configs, **kwargs):
    errors = []
    try:
        keys.reset()
        ring = keys.keyring()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="brobygger.E001")]
    _current, dev_keys = keys.parse_field_keys(keys.DEV_FIELD_KEYS)
    if set(ring.keys.values()) & set(dev_keys.values()) or settings.BLIND_INDEX_KEY == keys.DEV_BLIND_INDEX_KEY:
        errors.append(
            Error(
                "The development encryption keys are in use; set BROBYGGER_FIELD_KEYS and BROBYGGER_BLIND_INDEX_KEY.",
                id="brobygger.E002",
            )
        )
    if not settings.HTTPS:
        errors.append(Error("BROBYGGER_HTTPS is off: cookies are not Secure.", id="brobygger.E003"))
    return errors
