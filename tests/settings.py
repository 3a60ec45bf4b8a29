"""Test settings: the production settings with a test key, fast password
hashing, and the database chosen by BROBYGGER_TEST_DB (sqlite | postgresql)."""

import os

os.environ.setdefault("BROBYGGER_INSECURE_DEV_KEY", "1")
os.environ.setdefault("BROBYGGER_TASKS_IMMEDIATE", "1")

from brobygger.settings import *  # noqa: E402,F403
from brobygger.settings import DATABASES  # noqa: E402

TEST_DB = os.environ.get("BROBYGGER_TEST_DB", "sqlite")
if TEST_DB == "postgresql":
    from tests import pgcluster

    DATABASES = {"default": pgcluster.start()}
    DATABASES["default"].pop("VERSION_LABEL")
elif TEST_DB != "sqlite":
    raise RuntimeError(f"BROBYGGER_TEST_DB must be sqlite or postgresql, not {TEST_DB!r}")
else:
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("BROBYGGER_SQLITE_TEST_NAME", "")}

# Argon2 stays first in production; tests hash quickly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

import tempfile  # noqa: E402

CACHES["progress"]["LOCATION"] = tempfile.mkdtemp(prefix="brobygger-progress-")  # noqa: F405

# The test client and the live server for the browser speak plain HTTP on loopback; everything
# else (Secure and __Host- cookies, HSTS) stays as in production.
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="brobygger-media-"))  # noqa: F405
