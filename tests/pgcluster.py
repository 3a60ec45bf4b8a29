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


def _as_server_user(paths, account):
    if account:
        for path in paths:
            os.chown(path, account.pw_uid, account.pw_gid)


def server_options(sock, port, durable=False):
    """Unix socket only; tests trade crash safety for speed, the fault drills keep it."""
    options = f"-k {sock} -c listen_addresses='' -p {port}"
    return options if durable else options + " -c fsync=off -c full_page_writes=off"


def _launch(bindir, prefix, account, base, data, port, durable=False):
    """pg_ctl start on a Unix socket in `base`/sock only; returns the socket directory and a stop function."""
    sock = os.path.join(base, "sock")
    os.makedirs(sock, exist_ok=True)
    _as_server_user([base, sock], account)
    options = server_options(sock, port, durable)
    subprocess.run(
        prefix + [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(base, "log"), "-w", "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )

    def stop():
        if os.path.exists(data):  # also called at exit, after an explicit stop
            subprocess.run(
                prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], stdout=subprocess.DEVNULL
            )
        shutil.rmtree(base, ignore_errors=True)

    atexit.register(stop)
    return sock, stop


def _settings(bindir, sock, port):
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "brobygger",
        "USER": "postgres",
        "HOST": sock,
        "PORT": str(port),
        "ATOMIC_REQUESTS": True,
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"NAME": "test_brobygger"},
        "VERSION_LABEL": os.path.basename(os.path.dirname(bindir)),
    }


def _bindir():
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql).")
    return bindir


def _initdb(bindir, prefix, account):
    base = tempfile.mkdtemp(prefix="brobygger-pg-")
    data = os.path.join(base, "data")
    _as_server_user([base], account)
    subprocess.run(
        prefix + [f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return base, data


def start(port=5439):
    """Start a cluster and return the DATABASES entry for it."""
    bindir = _bindir()
    prefix, account = _runner()
    base, data = _initdb(bindir, prefix, account)
    sock, _stop = _launch(bindir, prefix, account, base, data, port)
    return _settings(bindir, sock, port)


def start_serving(port):
    """A cluster with an empty `brobygger` database for app servers to use. Returns (settings, stop)."""
    bindir = _bindir()
    prefix, account = _runner()
    base, data = _initdb(bindir, prefix, account)
    sock, stop = _launch(bindir, prefix, account, base, data, port)
    _createdb(bindir, prefix, sock, port)
    return _settings(bindir, sock, port), stop


def _createdb(bindir, prefix, sock, port):
    subprocess.run(
        prefix + [f"{bindir}/createdb", "-h", sock, "-p", str(port), "-U", "postgres", "brobygger"], check=True
    )


def start_with_replica(port=5441):
    """A primary and a streaming hot standby made from it by pg_basebackup (both on Unix sockets only).
    Returns (primary settings, replica settings, stop both)."""
    primary, stop_primary = start_serving(port)
    bindir, sock = _bindir(), primary["HOST"]
    prefix, account = _runner()
    replica_base = tempfile.mkdtemp(prefix="brobygger-pg-replica-")
    replica_data = os.path.join(replica_base, "data")
    _as_server_user([replica_base], account)
    subprocess.run(
        prefix
        + [
            f"{bindir}/pg_basebackup",
            "-h",
            sock,
            "-p",
            str(port),
            "-U",
            "postgres",
            "-D",
            replica_data,
            "-R",
            "-X",
            "stream",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    replica_sock, stop_replica = _launch(bindir, prefix, account, replica_base, replica_data, port + 1)

    def stop():
        stop_replica()
        stop_primary()

    return primary, _settings(bindir, replica_sock, port + 1), stop
