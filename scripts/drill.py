"""`make drill`: fault drills on loopback, bounded in time, each able to fail.

1. PostgreSQL is stopped with `-m immediate` in the middle of a write load and started again: every
   write a client saw acknowledged (HTTP 201, kept in the clients' ledger) is in the database
   afterwards; while it is down the app answers 503 "try again", never 500; the first write is
   acknowledged again within RECOVERY_BOUND_S of the database being back.
2. A gunicorn worker is killed with SIGKILL while it is serving a request (it holds an open
   connection): every acknowledged write is there and no write is half there (each young person has
   their team seat and access-log row).
3. The background worker (`manage.py worker`) is killed with SIGKILL in the middle of an import of
   IMPORT_ROWS young people: nothing of it is written; a new worker finishes it within
   WORKER_BOUND_S with every row there once. Then PostgreSQL is stopped and started under that
   worker: it is still running afterwards and does the next job.
4. `pg_dump -Fc` of the database *during* the write load, with the uploaded documents, restored into
   a fresh cluster with a fresh upload folder; `migrate --check` against it; every write acknowledged
   before the dump began is in the restore; an app started on the restore serves a document uploaded
   before the backup, byte for byte. The restore time is the measured RTO.

Each drill also needs at least MIN_ACKNOWLEDGED acknowledged writes, so a drill in which every
write was refused fails instead of passing with nothing to check. Results are printed and written
to var/drill.json. Needs the PostgreSQL binaries; runs as the `postgres` system user where it has
to (tests/pgcluster.py).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
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
MIN_ACKNOWLEDGED = 100  # per write drill; fewer means the load never really ran
RECOVERY_BOUND_S = 15  # from the database back up to the first acknowledged write
IMPORT_ROWS = 30000
WORKER_BOUND_S = 150  # a stopped worker is noticed after 45 s of silence (brobygger/core/jobs.py)


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
        self.media = tempfile.mkdtemp(prefix="brobygger-drill-uploads-")

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
    return loopback.server_env(
        cluster.url(name),
        BROBYGGER_API_RATE="100000/m",
        BROBYGGER_MEDIA_DIR=cluster.media,
        BROBYGGER_PROGRESS_DIR=os.path.join(cluster.media, "progress"),
    )


def manage(cluster, *args, name="brobygger"):
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=django_env(cluster, name), capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"drill: manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def shell(cluster, code, **values):
    """Run `code` in the app (manage.py shell) with `values` set; the last line it prints."""
    preamble = "".join(f"{key} = {value!r}\n" for key, value in values.items())
    return manage(cluster, "shell", "-c", preamble + code).strip().splitlines()[-1]


ACTOR = """
from django.contrib.auth import get_user_model
from django_scopes import scope, scopes_disabled
from brobygger.tenancy.selectors import actor_in
with scopes_disabled():
    user = get_user_model().objects.get(email=email)
    actor = actor_in(user, user.memberships.first().organisation)
"""

TOKEN_SNIPPET = (
    ACTOR
    + """
from brobygger.api.services import create_token
print(create_token(actor, name="drill")[1])
"""
)


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

    def serving(self):
        """The workers holding a client's connection right now: each is in the middle of a request."""
        out = subprocess.run(
            ["ss", "-Htnp", "state", "established", f"( sport = :{self.port} )"], capture_output=True, text=True
        ).stdout
        return sorted({int(pid) for pid in re.findall(r"pid=(\d+)", out)} & set(self.workers()))

    def get(self, path, cookie):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def write_load(server, token, tag, fault):
    """CLIENTS threads register referrals for LOAD_SECONDS; `fault()` runs at FAULT_AT seconds.
    Returns the ledger of (time, id) of the acknowledged writes and the answers counted by status."""
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
                    ledger.append((time.monotonic(), payload["id"]))
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


def check_writes(cluster, tag, ledger, answers):
    # `tag` and the table names below are the drill's own constants and PostgreSQL's catalogue.
    ids = {identifier for _at, identifier in ledger}
    found = set(sql(cluster, f"SELECT id FROM people_youngperson WHERE last_name LIKE '{tag}-%'").split())  # noqa: S608
    half = sql(
        cluster,
        f"""SELECT count(*) FROM people_youngperson p WHERE p.last_name LIKE '{tag}-%' AND (
              NOT EXISTS (SELECT 1 FROM audit_accesslog a WHERE a.object_id = p.id::text AND a.action = 'create')
           OR NOT EXISTS (SELECT 1 FROM people_teammember t WHERE t.young_person_id = p.id))""",  # noqa: S608
    )
    result = {
        "acknowledged": len(ids),
        "acknowledged_and_found": len(ids & found),
        "rows_in_database": len(found),
        "half_written": int(half),
        "answers": answers,
    }
    result["failed"] = [
        reason
        for reason, failed in (
            (f"fewer than {MIN_ACKNOWLEDGED} writes acknowledged", len(ids) < MIN_ACKNOWLEDGED),
            ("an acknowledged write is missing", len(ids & found) != len(ids)),
            ("a write is half there", int(half) != 0),
            ("a request got a 500", 500 in answers),
        )
        if failed
    ]
    return result


def drill_database_stop(cluster, server, token):
    timing = {}

    def fault():
        started = time.monotonic()
        cluster.ctl("-m", "immediate", "stop")
        time.sleep(3)
        cluster.ctl("start")
        timing["up"] = time.monotonic()
        timing["down"] = round(timing["up"] - started, 1)

    ledger, answers = write_load(server, token, "DrillStop", fault)
    result = check_writes(cluster, "DrillStop", ledger, answers)
    after = [at for at, _id in ledger if at > timing["up"]]
    recovery = round(min(after) - timing["up"], 1) if after else None
    result |= {"database_down_s": timing["down"], "recovery_s": recovery, "recovered": server.answers()}
    if not answers.get(503):
        result["failed"].append("no request met the stopped database (no 503): the drill did not drill")
    if recovery is None or recovery > RECOVERY_BOUND_S:
        result["failed"].append(f"no write acknowledged within {RECOVERY_BOUND_S} s of the database coming back")
    return result


def drill_worker_kill(cluster, server, token):
    killed = {}

    def fault():
        deadline = time.monotonic() + 5
        busy = server.serving()
        while not busy and time.monotonic() < deadline:
            busy = server.serving()
        victim = busy[0] if busy else server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        killed.update(pid=victim, mid_request=bool(busy))

    ledger, answers = write_load(server, token, "DrillKill", fault)
    result = check_writes(cluster, "DrillKill", ledger, answers)
    result |= {"killed_mid_request": killed["mid_request"], "recovered": server.answers()}
    if not killed["mid_request"]:
        result["failed"].append("no worker was found serving a request to kill")
    return result


UPLOAD_SNIPPET = (
    ACTOR
    + """
from pathlib import Path
from brobygger.exchange import services
with scope(organisation=actor.organisation.pk):
    print(services.upload(actor, kind="young_people", name="drill.csv", content=Path(path).read_bytes()).pk)
"""
)

IMPORT_SNIPPET = (
    ACTOR
    + """
from brobygger.exchange import services
from brobygger.exchange.models import ImportBatch
with scope(organisation=actor.organisation.pk):
    services.start_import(actor, ImportBatch.objects.get(pk=batch))
print("queued")
"""
)


def young_people_file(tag, rows):
    lines = ["nøgle;fornavn;efternavn;fødselsdato;henvisningsdato;henvist af"]
    lines += [f"{tag}-{n};Drill;{tag}-{n};03-04-2006;01-10-2026;Jobcenter" for n in range(rows)]
    handle, path = tempfile.mkstemp(suffix=".csv")
    os.write(handle, ("\r\n".join(lines) + "\r\n").encode())
    os.close(handle)
    return path


def start_background_worker(cluster):
    return subprocess.Popen(
        [PY, "manage.py", "worker", "--no-startup-delay", "--verbosity", "0"], cwd=ROOT, env=django_env(cluster)
    )


def wait_for(what, condition, seconds):
    """Poll `condition` until it holds; how long that took, or None if it never did within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return round(time.monotonic() - started, 1)
        time.sleep(0.2)
    print(f"drill: {what} did not happen within {seconds} s", file=sys.stderr)
    return None


def batch_state(cluster, batch):
    return sql(cluster, f"SELECT state FROM exchange_importbatch WHERE id = {int(batch)}")  # noqa: S608


def import_running(cluster):
    running = sql(
        cluster,
        "SELECT count(*) FROM django_tasks_database_dbtaskresult"
        " WHERE status = 'RUNNING' AND task_path LIKE '%import_batch'",
    )
    return running != "0"


def drill_background_worker(cluster, lead):
    workers = []
    try:
        return _background_worker_drill(cluster, lead, workers)
    finally:
        for worker in workers:  # however the drill ends, no worker is left running
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def _background_worker_drill(cluster, lead, workers):
    tag = "DrillImport"

    def rows():
        return int(sql(cluster, f"SELECT count(*) FROM people_youngperson WHERE last_name LIKE '{tag}-%'"))  # noqa: S608

    batch = shell(cluster, UPLOAD_SNIPPET, email=lead, path=young_people_file(tag, IMPORT_ROWS))
    first = start_background_worker(cluster)
    workers.append(first)
    result = {"rows": IMPORT_ROWS}
    result["checked_s"] = wait_for("the check", lambda: batch_state(cluster, batch) == "checked", 300)
    shell(cluster, IMPORT_SNIPPET, email=lead, batch=int(batch))
    result["import_started_s"] = wait_for("the import starting", lambda: import_running(cluster), 60)
    first.send_signal(signal.SIGKILL)
    first.wait()
    result["rows_after_the_kill"] = rows()
    second = start_background_worker(cluster)
    workers.append(second)
    done = wait_for(
        "the next worker finishing the import", lambda: batch_state(cluster, batch) == "done", WORKER_BOUND_S
    )
    result |= {"finished_by_the_next_worker_s": done, "rows_imported": rows(), "state": batch_state(cluster, batch)}
    cluster.ctl("-m", "immediate", "stop")
    time.sleep(3)
    cluster.ctl("start")
    after = shell(cluster, UPLOAD_SNIPPET, email=lead, path=young_people_file("DrillAfter", 10))
    checked = wait_for("a job after the outage", lambda: batch_state(cluster, after) == "checked", 120)
    result |= {"worker_alive_after_the_outage": second.poll() is None, "job_after_the_outage_s": checked}
    result["failed"] = [
        reason
        for reason, failed in (
            ("the import was never under way when the worker was killed", result["import_started_s"] is None),
            ("rows of the cut-off import were written", result["rows_after_the_kill"] != 0),
            (f"the next worker did not finish within {WORKER_BOUND_S} s", done is None),
            ("the finished import does not hold every row once", result["rows_imported"] != IMPORT_ROWS),
            ("the worker exited during the database outage", not result["worker_alive_after_the_outage"]),
            ("the worker did no job after the outage", checked is None),
        )
        if failed
    ]
    return result


DOCUMENT_SNIPPET = (
    ACTOR
    + """
from django.core.files.uploadedfile import SimpleUploadedFile
from brobygger.attachments import services
from brobygger.people.models import TeamMember
from brobygger.security import uploads
with scope(organisation=actor.organisation.pk):
    seat = TeamMember.objects.filter(user=user).select_related("young_person").first()
    inspected = uploads.inspect(
        SimpleUploadedFile("drill.pdf", bytes.fromhex(pdf)), allowed=uploads.ATTACHMENT_KINDS, max_bytes=10**7
    )
    print(services.attach(actor, seat.young_person, inspected=inspected).pk)
"""
)

SESSION_SNIPPET = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from tests.auth import log_in
cookie = log_in(Client(), get_user_model().objects.get(email=email)).cookies[settings.SESSION_COOKIE_NAME]
print(f"{cookie.key}={cookie.value}")
"""


def drill_backup_restore(cluster, server, token, email):
    """A backup of the database in use, with its uploads, restored where nothing was before."""
    document = pdf_document()
    attachment = shell(cluster, DOCUMENT_SNIPPET, email=email, pdf=document.hex())
    dump = Path(cluster.base) / "brobygger.dump"
    uploads = Path(cluster.base) / "uploads.tar"
    timing = {}

    def backup():
        timing["began"] = time.monotonic()
        cluster.pg("pg_dump", "-Fc", "-d", "brobygger", "-f", str(dump))
        with tarfile.open(uploads, "w") as archive:
            archive.add(cluster.media, arcname="uploads")
        timing["dump_s"] = round(time.monotonic() - timing["began"], 1)

    ledger, _answers = write_load(server, token, "DrillBackup", backup)
    fresh = Cluster()
    try:
        started = time.monotonic()
        fresh.pg("pg_restore", "-d", "brobygger", "--no-owner", str(dump))
        with tarfile.open(uploads) as archive:
            archive.extractall(fresh.media, filter="data")
        for entry in Path(fresh.media, "uploads").iterdir():
            shutil.move(str(entry), fresh.media)
        rto = round(time.monotonic() - started, 1)
        manage(fresh, "migrate", "--check")
        before = {identifier for at, identifier in ledger if at < timing["began"]}
        restored = set(sql(fresh, "SELECT id FROM people_youngperson WHERE last_name LIKE 'DrillBackup-%'").split())
        restored_server = Server(fresh)
        try:
            cookie = shell(fresh, SESSION_SNIPPET, email=email)
            status, body = restored_server.get(f"/documents/{attachment}/", cookie)
        finally:
            restored_server.stop()
    finally:
        fresh.stop_for_good()
    result = {
        "dump_seconds": timing["dump_s"],
        "restore_seconds_rto": rto,
        "dump_megabytes": round(dump.stat().st_size / 1e6, 1),
        "acknowledged_before_the_dump": len(before),
        "of_those_restored": len(before & restored),
        "document_served_from_the_restore": status == 200 and body == document,
    }
    result["failed"] = [
        reason
        for reason, failed in (
            (f"fewer than {MIN_ACKNOWLEDGED} writes before the dump", len(before) < MIN_ACKNOWLEDGED),
            ("a write acknowledged before the dump is not in the restore", before - restored),
            (
                "the app on the restore does not serve the uploaded document",
                not result["document_served_from_the_restore"],
            ),
        )
        if failed
    ]
    return result


def pdf_document():
    from tests.pdfs import pdf

    return pdf()


def main():
    scale = os.environ.get("SCALE") or "small"
    email = "counsellor1@org001.scale.example"  # the API token's and the document's
    lead = "team_lead1@org001.scale.example"  # the imports' (counsellors do not import)
    cluster = Cluster()
    try:
        manage(cluster, "migrate", "--no-input")
        manage(cluster, "seed_scale", "--scale", scale)
        token = shell(cluster, TOKEN_SNIPPET, email=email)
        server = Server(cluster)
        try:
            results = {"scale": scale, "database_stopped": drill_database_stop(cluster, server, token)}
            results["worker_killed"] = drill_worker_kill(cluster, server, token)
            results["background_worker"] = drill_background_worker(cluster, lead)
            results["backup_restore"] = drill_backup_restore(cluster, server, token, email)
        finally:
            server.stop()
    finally:
        cluster.stop_for_good()
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "drill.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(json.dumps(results, indent=2, default=str))
    failed = {name: result["failed"] for name, result in results.items() if name != "scale" and result["failed"]}
    if failed:
        raise SystemExit(f"drill failed: {json.dumps(failed, indent=2)}")
    print("drills passed: each drill met its fault, nothing acknowledged was lost or half written, 503 never 500,")
    print("the worker came back to its work, and the restore in a fresh cluster serves the uploads")


if __name__ == "__main__":
    main()
