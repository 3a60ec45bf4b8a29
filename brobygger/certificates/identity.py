"""Where an organisation's credentials, keys and status list live on the web.

Everything is under settings.PUBLIC_URL, the address the public reaches this
installation at, so a credential names the same URLs wherever it is checked.
`did:web:<host>:org:<slug>` resolves to <PUBLIC_URL>/org/<slug>/did.json.
"""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse


def public_url(path):
    return settings.PUBLIC_URL.rstrip("/") + path


def did(organisation_slug):
    host = urlsplit(settings.PUBLIC_URL).netloc
    return f"did:web:{quote(host, safe='')}:org:{organisation_slug}"


def verification_method(organisation_slug, key_id):
    return f"{did(organisation_slug)}#{key_id}"


def parse_verification_method(method):
    """(organisation slug, key id) of one of *our* verification methods, or None."""
    prefix = did("")
    if not isinstance(method, str) or not method.startswith(prefix) or "#" not in method:
        return None
    slug, _hash, key_id = method[len(prefix) :].partition("#")
    return (slug, key_id) if slug and key_id else None


def status_list_url(organisation_slug):
    return public_url(reverse("certificate_status_list", kwargs={"organisation": organisation_slug}))


def parse_status_list_url(url):
    """The organisation slug of one of *our* status lists, or None."""
    prefix, suffix = status_list_url("SLUG").split("SLUG")
    if not isinstance(url, str) or not url.startswith(prefix) or not url.endswith(suffix):
        return None
    slug = url[len(prefix) : len(url) - len(suffix)]
    return slug if slug and "/" not in slug else None


def verify_url(public_id):
    return public_url(reverse("certificate_verify_link", kwargs={"public_id": public_id}))
