"""A gunicorn on loopback, shared by the page benchmark and the fault drills (no Django imports)."""

import os
import socket
import time
import urllib.request
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"


def gunicorn(bindir, port, log_level, workers=2):
    """The command that serves the app as production does, on loopback."""
    return [
        Path(bindir) / "gunicorn",
        "brobygger.wsgi",
        "-c",
        str(CONFIG),
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        log_level,
    ]


def server_env(database_url, **more):
    """The environment of an app that runs as production does (settings, cookies, persistent
    connections) on loopback: locust and the drills speak plain HTTP, as nginx would to the app."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "brobygger.settings",
        "BROBYGGER_DATABASE_URL": database_url,
        "BROBYGGER_CONN_MAX_AGE": "60",
        "BROBYGGER_ALLOWED_HOSTS": "127.0.0.1",
        "BROBYGGER_INSECURE_DEV_KEY": "1",
        "BROBYGGER_HTTPS": "1",  # __Host- and Secure cookies
        "BROBYGGER_SSL_REDIRECT": "0",
        "BROBYGGER_DEBUG": "0",
        **more,
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port):
    """True when /healthz on this port says 200."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def wait_until_up(port, seconds=60):
    deadline = time.monotonic() + seconds
    while not answers(port):
        if time.monotonic() > deadline:
            raise RuntimeError(f"gunicorn on port {port} did not answer /healthz")
        time.sleep(0.3)
