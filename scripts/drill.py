"""`make drill`: three fault drills on loopback, bounded in time, with nothing lost.

1. PostgreSQL is stopped with `-m immediate` in the middle of a write load and started again: every
   write a client saw acknowledged (HTTP 201, kept in the clients' ledger) is in the database
   afterwards; meanwhile the app answers 503 "try again", and it recovers by itself.
2. A gunicorn worker is killed with SIGKILL during the write load: every acknowledged write is there
   and no write is half there (each young person has their team seat and access-log row).
3. `pg_dump -Fc`, restore into a fresh database, `migrate --check` against it, and per-table row
   counts and checksums equal; the restore time is the measured RTO.

Results are printed and written to var/drill.json. Needs the PostgreSQL binaries; runs as the
`postgres` system user where it has to (tests/pgcluster.py).
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import loopback  # noqa: E402
from tests import pgcluster  # noqa: E402

PY = sys.executable
CLIENTS = 4
LOAD_SECONDS = 20
FAULT_AT = 5


class Cluster:
    def __init__(self):
        self.bindir = pgcluster._bindir()
        self.prefix, account = pgcluster._runner()
        self.base, self.data = pgcluster._initdb(self.bindir, self.prefix, account)
        self.port = loopback.free_port()
        self.sock, self.stop_for_good = pgcluster._launch(
            self.bindir, self.prefix, account, self.base, self.data, self.port, durable=True
        )
        self.pg("createdb", "brobygger")

    def pg(self, tool, *args, **kwargs):
        command = [*self.prefix, f"{self.bindir}/{tool}", "-h", self.sock, "-p", str(self.port), "-U", "postgres"]
        return subprocess.run([*command, *args], check=True, capture_output=True, text=True, **kwargs)

    def url(self, name="brobygger"):
        return f"postgres://postgres@/{name}?host={self.sock}&port={self.port}"

    def ctl(self, *args):
        options = pgcluster.server_options(self.sock, self.port, durable=True)
        log = os.path.join(self.base, "log")
        command = [*self.prefix, f"{self.bindir}/pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", *args]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # a pipe would be held open by the server


def django_env(cluster, name="brobygger"):
    return loopback.server_env(cluster.url(name), BROBYGGER_API_RATE="100000/m")


def manage(cluster, *args, name="brobygger"):
    return subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=django_env(cluster, name), check=True, capture_output=True, text=True
    ).stdout


TOKEN_SNIPPET = """
from django.contrib.auth import get_user_model
from brobygger.access.actor import actor_in
from brobygger.api.services import create_token
from django_scopes import scopes_disabled
with scopes_disabled():
    counsellor = get_user_model().objects.get(email="counsellor1@org001.scale.example")
    print(create_token(actor_in(counsellor, counsellor.memberships.first().organisation), name="drill")[1])
"""


class Server:
    def __init__(self, cluster):
        self.port = loopback.free_port()
        self.process = subprocess.Popen(
            loopback.gunicorn(Path(PY).parent, self.port, "critical"),
            cwd=ROOT,
            env=django_env(cluster),
        )
        loopback.wait_until_up(self.port)

    def answers(self):
        return loopback.answers(self.port)

    def workers(self):
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def write_load(server, token, tag, fault):
    """CLIENTS threads register referrals for LOAD_SECONDS; `fault()` runs at FAULT_AT seconds.
    Returns the ledger of acknowledged ids and the answers counted by status."""
    ledger, answers, lock = [], {}, threading.Lock()
    stop_at = time.monotonic() + LOAD_SECONDS

    def client(number):
        sent = 0
        while time.monotonic() < stop_at:
            sent += 1
            body = json.dumps(
                {
                    "first_name": "Drill",
                    "last_name": f"{tag}-{number}-{sent}",
                    "birth_date": "2005-05-05",
                    "referral_date": "2026-11-01",
                    "referral_source": "jobcentre",
                }
            ).encode()
            request = urllib.request.Request(
                f"http://127.0.0.1:{server.port}/api/young-people",
                data=body,
                method="POST",
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                    status, payload = response.status, json.loads(response.read())
            except urllib.error.HTTPError as error:
                status, payload = error.code, None
            except OSError:
                status, payload = "no answer", None
            with lock:
                answers[status] = answers.get(status, 0) + 1
                if status == 201:
                    ledger.append(payload["id"])
            if status != 201:
                time.sleep(0.2)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(FAULT_AT)
    fault()
    for thread in threads:
        thread.join()
    return ledger, answers


def sql(cluster, query, name="brobygger"):
    return cluster.pg("psql", "-d", name, "-At", "-c", query).stdout.strip()


def check_writes(cluster, tag, ledger):
    # `tag` and the table names below are the drill's own constants and PostgreSQL's catalogue.
    found = set(sql(cluster, f"SELECT id FROM people_youngperson WHERE last_name LIKE '{tag}-%'").split())  # noqa: S608
    half = sql(
        cluster,
        f"""SELECT count(*) FROM people_youngperson p WHERE p.last_name LIKE '{tag}-%' AND (
              NOT EXISTS (SELECT 1 FROM audit_accesslog a WHERE a.object_id = p.id::text AND a.action = 'create')
           OR NOT EXISTS (SELECT 1 FROM people_teammember t WHERE t.young_person_id = p.id))""",  # noqa: S608
    )
    return {
        "acknowledged": len(ledger),
        "acknowledged_and_found": len(set(ledger) & found),
        "rows_in_database": len(found),
        "half_written": int(half),
    }


def drill_database_stop(cluster, server, token):
    downtime = {}

    def fault():
        started = time.monotonic()
        cluster.ctl("-m", "immediate", "stop")
        time.sleep(3)
        cluster.ctl("start")
        downtime["seconds"] = round(time.monotonic() - started, 1)

    ledger, answers = write_load(server, token, "DrillStop", fault)
    return {
        **check_writes(cluster, "DrillStop", ledger),
        "answers": answers,
        "database_down_s": downtime["seconds"],
        "recovered": server.answers(),
    }


def drill_worker_kill(cluster, server, token):
    killed = {}

    def fault():
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        killed["pid"] = victim

    ledger, answers = write_load(server, token, "DrillKill", fault)
    return {**check_writes(cluster, "DrillKill", ledger), "answers": answers, "recovered": server.answers()}


TABLES = """SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"""


def table_sums(cluster, name):
    sums = {}
    for table in sql(cluster, TABLES, name).split():
        checksum = "coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
        sums[table] = sql(cluster, f"SELECT count(*) || ':' || {checksum} FROM \"{table}\" t", name)  # noqa: S608
    return sums


def drill_backup_restore(cluster):
    dump = Path(cluster.base) / "brobygger.dump"
    started = time.monotonic()
    cluster.pg("pg_dump", "-Fc", "-d", "brobygger", "-f", str(dump))
    dump_seconds = time.monotonic() - started
    cluster.pg("createdb", "restored")
    started = time.monotonic()
    cluster.pg("pg_restore", "-d", "restored", "--no-owner", str(dump))
    rto = time.monotonic() - started
    manage(cluster, "migrate", "--check", name="restored")
    before, after = table_sums(cluster, "brobygger"), table_sums(cluster, "restored")
    differing = sorted(t for t in before if before[t] != after.get(t))
    return {
        "tables": len(before),
        "rows": sum(int(v.split(":")[0]) for v in before.values()),
        "tables_differing": differing,
        "dump_seconds": round(dump_seconds, 1),
        "restore_seconds_rto": round(rto, 1),
        "dump_megabytes": round(dump.stat().st_size / 1e6, 1),
    }


def main():
    scale = os.environ.get("SCALE") or "small"
    cluster = Cluster()
    try:
        manage(cluster, "migrate", "--no-input")
        manage(cluster, "seed_scale", "--scale", scale)
        token = manage(cluster, "shell", "-c", TOKEN_SNIPPET).strip().splitlines()[-1]
        server = Server(cluster)
        try:
            results = {"scale": scale, "database_stopped": drill_database_stop(cluster, server, token)}
            results["worker_killed"] = drill_worker_kill(cluster, server, token)
        finally:
            server.stop()
        results["backup_restore"] = drill_backup_restore(cluster)
    finally:
        cluster.stop_for_good()
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "drill.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    lost = [
        k
        for k in ("database_stopped", "worker_killed")
        if results[k]["acknowledged"] != results[k]["acknowledged_and_found"] or results[k]["half_written"]
    ]
    if lost or results["backup_restore"]["tables_differing"]:
        raise SystemExit(f"drill failed: {lost or results['backup_restore']['tables_differing']}")
    print("drills passed: nothing acknowledged was lost, nothing was half written, the restore is identical")


if __name__ == "__main__":
    main()
