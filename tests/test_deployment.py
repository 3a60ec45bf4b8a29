"""The deployment of docs/deploy.md on loopback: nginx with the shipped deploy/nginx.conf (TLS ends
there) in front of the three app servers it names, each a gunicorn started with deploy/gunicorn.conf.py
and the compose file's proxy settings, on one throwaway PostgreSQL cluster with the demo data.

The nginx file is used as shipped except for what cannot be the same on loopback, each replaced where
the file has it (a replacement that finds nothing fails the test): the app servers' addresses, the
listening ports, the certificate's and the access log's paths, and, on an nginx older than 1.25.1 (Debian
12 has 1.22), `http2 on;` written the older way, on the `listen` line."""

import http.cookiejar
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

from bench import loopback
from tests import pgcluster

ROOT = Path(settings.BASE_DIR)
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")  # sbin is not on every PATH
YOUNG_PERSON = "ung1@opgang2.example"  # seed_demo's first young person with a login
DEMO_PASSWORD = "brobygger-demo-2026"
TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")  # nginx's temporary folders, in the work folder

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)"),
    pytest.mark.skipif(
        pgcluster.find_bindir() is None, reason="PostgreSQL is not installed (apt-get install postgresql)"
    ),
    pytest.mark.skipif(
        os.environ.get("BROBYGGER_TEST_DB", "sqlite") != "sqlite",
        reason="starts its own cluster, app servers and nginx whatever the database: checked once, in the SQLite run",
    ),
]


def self_signed(directory):
    """A certificate for 127.0.0.1 in the file names deploy/nginx.conf expects."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    (directory / "fullchain.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (directory / "privkey.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return directory / "fullchain.pem"


def nginx_version():
    output = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr
    return tuple(int(part) for part in re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", output).groups())


def on_loopback(shipped, app_ports, https_port, http_port, work):
    """deploy/nginx.conf with only the loopback differences (module docstring)."""
    replacements = [(f"server app{n}:8000 ", f"server 127.0.0.1:{port} ") for n, port in enumerate(app_ports, 1)]
    replacements += [
        ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("/etc/nginx/tls/", f"{work}/"),
        ("/var/log/nginx/access.log", f"{work}/access.log"),
    ]
    if nginx_version() < (1, 25, 1):
        replacements += [
            ("    http2 on;\n", ""),
            (f"listen 127.0.0.1:{https_port} ssl;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ]
    text = shipped
    for old, new in replacements:
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


def main_conf(work):
    """What the distribution's /etc/nginx/nginx.conf gives the site file, kept in the work folder."""
    temp = "\n".join(f"    {kind}_temp_path {work}/{kind};" for kind in TEMP_KINDS)
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log warn;\n"
        f"events {{ worker_connections 256; }}\nhttp {{\n{temp}\n    include {work}/site.conf;\n}}\n"
    )


class Stack:
    def __init__(self, work, app_ports, https_port, http_port, cafile, nginx_test, env):
        self.work, self.app_ports, self.https_port, self.http_port = work, app_ports, https_port, http_port
        self.nginx_test, self.env = nginx_test, env
        self.tls = ssl.create_default_context(cafile=str(cafile))
        self.processes = {}

    def url(self, path):
        return f"https://127.0.0.1:{self.https_port}{path}"

    def browser(self):
        """A cookie-keeping HTTPS client that does not follow redirects."""
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=self.tls),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect,
        )
        return opener

    def served_by(self, path):
        """How many requests for `path` each app server's access log holds."""
        return [(self.work / f"app{n}.log").read_text().count(f" {path} ") for n in range(1, 4)]

    def served_since(self, path, before, expected):
        """Requests for `path` per app server since `before`, once their access logs hold all `expected`:
        a server writes its log line after it answers, so a loaded machine may not have written it yet."""
        deadline = time.monotonic() + 60
        while True:
            served = [after - was for after, was in zip(self.served_by(path), before, strict=True)]
            if sum(served) >= expected or time.monotonic() > deadline:
                return served
            time.sleep(0.1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(opener, url, data=None, headers=None):
    """(status, headers, body) without raising on 3xx/4xx."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def answers(stack):
    try:
        return fetch(stack.browser(), stack.url("/healthz"))[0] == 200
    except urllib.error.URLError:
        return False


def healthcheck(port, env):
    return subprocess.run([sys.executable, "deploy/healthcheck.py", str(port)], cwd=ROOT, env=env).returncode


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not come up")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def stack():
    work = Path(tempfile.mkdtemp(prefix="brobygger-deploy-"))
    os.chmod(work, 0o755)
    db, stop_database = pgcluster.start_serving(loopback.free_port())
    database_url = f"postgres://postgres@/brobygger?host={db['HOST']}&port={db['PORT']}"
    # The compose file's proxy settings; HTTPS is on (not DEBUG) and redirects plain HTTP, as in production.
    env = loopback.server_env(database_url, BROBYGGER_BEHIND_PROXY="1", BROBYGGER_SSL_REDIRECT="1")
    for command in (["migrate", "--no-input"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    app_ports = [loopback.free_port() for _ in range(3)]
    https_port, http_port = loopback.free_port(), loopback.free_port()
    cafile = self_signed(work)
    (work / "site.conf").write_text(
        on_loopback((ROOT / "deploy" / "nginx.conf").read_text(), app_ports, https_port, http_port, work)
    )
    (work / "nginx.conf").write_text(main_conf(work))
    for kind in TEMP_KINDS:
        (work / kind).mkdir()
    nginx_test = subprocess.run([NGINX, "-t", "-c", str(work / "nginx.conf")], capture_output=True, text=True)
    the_stack = Stack(work, app_ports, https_port, http_port, cafile, nginx_test, env)
    bindir = Path(sys.executable).parent
    try:
        for n, port in enumerate(app_ports, 1):
            command = loopback.gunicorn(bindir, port, "warning", workers=1)
            command += ["--access-logfile", str(work / f"app{n}.log")]
            the_stack.processes[f"app{n}"] = subprocess.Popen(command, cwd=ROOT, env=env)
        for port in app_ports:
            wait_for(lambda port=port: healthcheck(port, env) == 0, f"app server on {port}")
        assert nginx_test.returncode == 0, nginx_test.stderr
        the_stack.processes["nginx"] = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf")])
        wait_for(lambda: answers(the_stack), "nginx", 20)
        yield the_stack
    finally:
        for process in the_stack.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        stop_database()
        shutil.rmtree(work, ignore_errors=True)


def test_nginx_accepts_the_shipped_configuration(stack):
    assert stack.nginx_test.returncode == 0, stack.nginx_test.stderr
    assert "syntax is ok" in stack.nginx_test.stderr


def test_the_health_check_asks_as_nginx_does(stack):
    """deploy/healthcheck.py (the compose file's) says healthy; a bare request is answered by the redirect
    to HTTPS, not by the app, which is why the check sends the proxy's headers."""
    for port in stack.app_ports:
        assert healthcheck(port, stack.env) == 0
        assert fetch(urllib.request.build_opener(NoRedirect), f"http://127.0.0.1:{port}/healthz")[0] == 301
    assert healthcheck(loopback.free_port(), stack.env) == 1  # nobody listening: unhealthy


def test_plain_http_is_sent_to_https(stack):
    status, headers, _body = fetch(urllib.request.build_opener(NoRedirect), f"http://127.0.0.1:{stack.http_port}/me/")
    assert status == 301 and headers["Location"] == "https://127.0.0.1/me/"


def test_a_login_through_nginx_holds_on_every_app_server(stack):
    """Sessions live in PostgreSQL: after one login, every app server serves the young person's page.
    The login's POST passes the CSRF check over the proxy (Origin and Referer are https)."""
    browser = stack.browser()
    status, _headers, form = fetch(browser, stack.url("/accounts/login/"))
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": YOUNG_PERSON, "password": DEMO_PASSWORD})
    origin = f"https://127.0.0.1:{stack.https_port}"
    status, headers, _page = fetch(
        browser,
        stack.url("/accounts/login/"),
        body.encode(),
        {"Origin": origin, "Referer": origin + "/accounts/login/"},
    )
    assert status == 302, _page[:500]
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    before = stack.served_by("/me/")
    for _ in range(12):
        status, _headers, page = fetch(browser, stack.url("/me/"))
        assert status == 200 and 'id="section-plan"' in page
    served = stack.served_since("/me/", before, expected=12)
    assert sum(served) == 12 and all(served), served


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed (apt-get install curl)")
def test_http2_reaches_the_app_with_the_host_it_was_asked_for(stack):
    """Over HTTP/2 there is no Host header, only :authority; Django would answer 400 to a missing host."""
    result = subprocess.run(
        ["curl", "--http2", "-sS", "--cacert", str(stack.work / "fullchain.pem"), "-o", "/dev/null"]
        + ["-w", "%{http_version} %{http_code}", stack.url("/accounts/login/")],
        capture_output=True,
        text=True,
    )
    assert result.stdout == "2 200", result.stdout + result.stderr


def test_the_access_log_keeps_no_query_strings(stack):
    fetch(stack.browser(), stack.url("/healthz?q=Bertil+Bendtsen"))
    log = (stack.work / "access.log").read_text()
    assert '"GET /healthz"' in log and "Bertil" not in log


def test_a_stopped_app_server_is_passed_over(stack):
    """Last in this module: it kills an app server. nginx tries the next one (proxy_next_upstream error)."""
    stack.processes["app1"].send_signal(signal.SIGKILL)
    stack.processes["app1"].wait(timeout=10)
    browser = stack.browser()
    answers = [fetch(browser, stack.url("/healthz"))[0] for _ in range(30)]
    assert answers == [200] * 30


def test_nginx_lets_through_the_largest_file_the_app_takes():
    """An import of 20 MB got nginx's 413 page instead of the app's clear answer."""
    from brobygger.exchange.reading import MAX_BYTES

    size = re.search(r"client_max_body_size (\d+)m;", (ROOT / "deploy" / "nginx.conf").read_text()).group(1)
    assert int(size) * 1024 * 1024 > MAX_BYTES
