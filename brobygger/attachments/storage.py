"""Where attachment files lie: a private folder, never under STATIC_ROOT or served by the web server."""

import os
import secrets
from pathlib import Path

from django.conf import settings


def folder():
    path = Path(settings.MEDIA_ROOT) / "attachments"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def new_name():
    return secrets.token_hex(16)


def path_of(stored_name):
    if not stored_name.isalnum():
        raise ValueError("not a stored attachment name")
    return folder() / stored_name


def write(stored_name, content):
    """Write the whole file or nothing: to a temporary name first, then renamed into place."""
    final = path_of(stored_name)
    partial = final.with_suffix(".partial")
    try:
        with open(partial, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        partial.rename(final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final


def remove(stored_name):
    path_of(stored_name).unlink(missing_ok=True)
