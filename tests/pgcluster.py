"""A throwaway PostgreSQL cluster for the test suite.

initdb in a temporary directory, listening only on a Unix socket in that
directory, trust authentication, stopped and removed at exit. PostgreSQL
refuses to run as root, so as root the server runs as the `postgres` system
user that Debian's package creates.
"""

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile


def find_bindir():
    explicit = os.environ.get("BROBYGGER_PG_BINDIR")
    candidates = [explicit] if explicit else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for bindir in candidates:
        if bindir and os.path.exists(os.path.join(bindir, "initdb")):
            return bindir
    return None


def _runner():
    if os.geteuid() != 0:
        return [], None
    try:
        account = pwd.getpwnam("postgres")
    except KeyError as error:
        raise RuntimeError("Running as root needs the 'postgres' system user to start PostgreSQL.") from error
    return ["runuser", "-u", "postgres", "--"], account


def start():
    """Start a cluster and return the DATABASES entry for it."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql).")
    prefix, account = _runner()
    base = tempfile.mkdtemp(prefix="brobygger-pg-")
    data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
    os.makedirs(sock)
    if account:
        for path in (base, sock):
            os.chown(path, account.pw_uid, account.pw_gid)
    subprocess.run(
        prefix + [f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-k {sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off -p 5439"
    subprocess.run(
        prefix + [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(base, "log"), "-w", "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )

    def stop():
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], stdout=subprocess.DEVNULL)
        shutil.rmtree(base, ignore_errors=True)

    atexit.register(stop)
    version = os.path.basename(os.path.dirname(bindir))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "brobygger",
        "USER": "postgres",
        "HOST": sock,
        "PORT": "5439",
        "ATOMIC_REQUESTS": True,
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"NAME": "test_brobygger"},
        "VERSION_LABEL": version,
    }
