"""Settings for Brobygger.

Everything that differs between a laptop, CI and production comes from the
environment (BROBYGGER_*). The defaults give the embedded SQLite set-up that
`make demo` uses.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from brobygger.security import keys

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("BROBYGGER_DEBUG", default=False)


def _secret(name, dev_value):
    """A secret from the environment, or from the file `<name>_FILE` names (container secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    value = os.environ.get(name, "")
    if not value and (DEBUG or env_flag("BROBYGGER_INSECURE_DEV_KEY")):
        return dev_value
    return value


SECRET_KEY = _secret("BROBYGGER_SECRET_KEY", "dev-only-insecure-key-never-use-in-production-" + "x" * 20)
if not SECRET_KEY:
    raise RuntimeError("Set BROBYGGER_SECRET_KEY (or BROBYGGER_DEBUG=1 for local development).")

ALLOWED_HOSTS = [h for h in os.environ.get("BROBYGGER_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "brobygger.security",
    "brobygger.accounts",
    "brobygger.tenancy",
    "brobygger.people",
    "brobygger.companies",
    "brobygger.consent",
    "brobygger.pathways",
    "brobygger.conversations",
    "brobygger.staircase",
    "brobygger.sensitive",
    "brobygger.followup",
    "brobygger.community",
    "brobygger.reviews",
    "brobygger.catalogue",
    "brobygger.guide",
    "brobygger.outcomes",
    "brobygger.certificates",
    "brobygger.matching",
    "brobygger.api",
    "brobygger.exchange",
    "brobygger.attachments",
    "django_tasks",
    "django_tasks_db",
    "brobygger.audit",
    "brobygger.access",
    "brobygger.portal",
    "brobygger.core",
    "brobygger.home",
    "brobygger.casefile",
    "brobygger.demo",
]

MIDDLEWARE = [
    "brobygger.core.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "brobygger.core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "brobygger.security.middleware.SessionLimitsMiddleware",
    "brobygger.security.middleware.EnrolmentMiddleware",
    "brobygger.tenancy.middleware.TenantScopeMiddleware",
    "brobygger.core.middleware.NoStoreForPersonalPagesMiddleware",
    "csp.middleware.CSPMiddleware",
    "brobygger.security.middleware.FailClosedMiddleware",
    "brobygger.core.middleware.RefusalPageMiddleware",
]

ROOT_URLCONF = "brobygger.urls"
WSGI_APPLICATION = "brobygger.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "brobygger" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "brobygger.tenancy.context_processors.actor",
                "brobygger.home.context_processors.navigation",
                "brobygger.demo.second_step.code_on_second_step_page",
            ],
        },
    },
]


def _database(url):
    database = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("BROBYGGER_CONN_MAX_AGE", "0")), conn_health_checks=True
    )
    if database["ENGINE"].endswith("postgresql"):
        database.setdefault("OPTIONS", {}).update(postgresql_time_limits())
    return database


def postgresql_time_limits():
    """A database that takes connections but never answers must not hold a request for a minute: the
    connection gives up after a few seconds and a statement after BROBYGGER_STATEMENT_TIMEOUT_MS, and the
    person gets the "try again" page (core.views.server_error) instead of a 500 after 60 s."""
    statement_ms = int(os.environ.get("BROBYGGER_STATEMENT_TIMEOUT_MS", "20000"))
    return {
        "connect_timeout": int(os.environ.get("BROBYGGER_CONNECT_TIMEOUT_S", "5")),
        "options": f"-c statement_timeout={statement_ms}",
    }


DATABASES = {"default": _database(os.environ.get("BROBYGGER_DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
# One business action is one transaction: the data row and its access-log row
# are committed together or not at all (security.md R38).
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        # IMMEDIATE takes the write lock when a transaction begins, so no transaction fails halfway
        # upgrading to it; a writer waits up to `timeout` seconds for another (the worker and the
        # web server share the file) instead of failing with "database is locked".
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;",
        }
    )

# A streaming replica of the primary, for analytics reads only (brobygger/core/routing.py, docs/deploy.md).
if os.environ.get("BROBYGGER_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = _database(os.environ["BROBYGGER_REPLICA_DATABASE_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["brobygger.core.routing.AnalyticsReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 15}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "brobygger.security.passwords.ContextWordsValidator"},
    {"NAME": "brobygger.security.passwords.BreachedPasswordValidator"},
]

# django-allauth: e-mail + password; no self sign-up (staff create accounts).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# An address identifies a person only once its owner has opened a link sent to it: logins are made
# from invitations (tenancy.Invitation), and a changed address replaces the old one only when verified.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_ADAPTER = "brobygger.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "brobygger.accounts.forms.LoginForm"}
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_PASSWORD_MIN_LENGTH = 15
# Failed logins: per IP and per account from unknown devices; a browser that has logged in to the
# account before has its own allowance, so an attacker cannot lock a shared office out
# (brobygger/security/devices.py).
# allauth's limit on every login POST per IP ("login") is off: it counts successful logins too, so
# anyone behind an office's address could spend it; failed logins are what the limits are for.
ACCOUNT_RATE_LIMITS = {"login": "", "login_failed": "10/m/ip,5/5m/key", "login_failed_known_device": "10/5m/key"}
# Beyond login (brobygger/security/throttles.py): exports per user, API calls per token's user,
# wrong API tokens per address.
BROBYGGER_RATE_LIMITS = {
    "export": os.environ.get("BROBYGGER_EXPORT_RATE", "60/h"),
    "api_token": os.environ.get("BROBYGGER_API_RATE", "600/m"),
    "api_wrong_token": "20/m",
}
# Which address a request comes from, for these limits and allauth's: the proxy's last hop only when
# there is a proxy (BROBYGGER_BEHIND_PROXY), never an X-Forwarded-For a client wrote itself.
NINJA_NUM_PROXIES = ALLAUTH_TRUSTED_PROXY_COUNT = 1 if env_flag("BROBYGGER_BEHIND_PROXY") else 0

# Two-step login (allauth.mfa): required for everyone but young people before any case data
# (brobygger/security/middleware.py); the TOTP and recovery-code secrets are encrypted.
# The demo prints its logins for anyone to try, so there a first login may set up the second step;
# everywhere else only a session that opened an invitation link may.
BROBYGGER_ENROL_WITHOUT_INVITATION = DEBUG
MFA_ADAPTER = "brobygger.security.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Brobygger"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "brobygger" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["brobygger.core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "brobygger" / "static"]

EMAIL_BACKEND = os.environ.get("BROBYGGER_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("BROBYGGER_FROM_EMAIL", "brobygger@localhost")

# Sessions, cookies and headers (security.md B). Behind TLS (the default unless DEBUG) the cookies are
# __Host- prefixed and Secure; BROBYGGER_HTTPS=0 is only for a laptop without TLS (make demo).
HTTPS = env_flag("BROBYGGER_HTTPS", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_SSL_REDIRECT = env_flag("BROBYGGER_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if env_flag("BROBYGGER_BEHIND_PROXY"):
    # Only when a TLS proxy in front sets this header and strips it from clients (ASVS 15.3.4).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The session ends 30 minutes after the last request and 12 hours after login, whichever is first.
SESSION_IDLE_SECONDS = int(os.environ.get("BROBYGGER_SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS = int(os.environ.get("BROBYGGER_SESSION_MAX_SECONDS", str(12 * 60 * 60)))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Content Security Policy (django-csp): scripts only from here and with the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Field encryption and the CPR blind index: keys apart from SECRET_KEY and out of the database.
# See brobygger/security/keys.py for the format and docs/security.md for rotation.


FIELD_ENCRYPTION_KEYS = _secret("BROBYGGER_FIELD_KEYS", keys.DEV_FIELD_KEYS)
BLIND_INDEX_KEY = _secret("BROBYGGER_BLIND_INDEX_KEY", keys.DEV_BLIND_INDEX_KEY)

# Attachments: random names, outside the web root, served only through a view that checks access.
MEDIA_ROOT = Path(os.environ.get("BROBYGGER_MEDIA_DIR", str(BASE_DIR / "var" / "uploads")))
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

# Background jobs (reminders, long imports): django-tasks with its database backend;
# `manage.py worker` runs them. BROBYGGER_TASKS_IMMEDIATE=1 runs them in the request (tests, demo).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_flag("BROBYGGER_TASKS_IMMEDIATE")
        else "django_tasks_db.DatabaseBackend"
    }
}

# "progress" (how far an import has come) is shared by the
# web processes and the worker through files, since an import's own transaction hides it.
# The default cache is in the database, so every web process (and host) shares the login rate limits
# and the record of used TOTP codes (security.md R4-R5); its table is made after `migrate`.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "brobygger_cache"},
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("BROBYGGER_PROGRESS_DIR", str(BASE_DIR / "var" / "progress")),
    },
}

# Access log retention (security.md R31): 6 months unless the organisation says otherwise.
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("BROBYGGER_ACCESS_LOG_RETENTION_DAYS", "183"))

# Learning certificates: the address the public reaches this installation at (credential,
# DID and status-list URLs are built on it), and the key that encrypts the organisations'
# signing keys at rest (derived from SECRET_KEY when unset; set it in production).
PUBLIC_URL = os.environ.get("BROBYGGER_PUBLIC_URL", "http://127.0.0.1:8000")
CERTIFICATE_KEY_SECRET = _secret("BROBYGGER_CERTIFICATE_KEY_SECRET", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_cpr": {"()": "brobygger.security.logging.RedactCPRFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_cpr"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # runserver's request lines go through the same filter.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
