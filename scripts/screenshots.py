"""`make screenshots`: the main pages at 375 px and 1280 px, from the demo data,
into docs/screenshots/ (linked from the README)."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "brobygger-demo-2026"
CHROMIUM = os.environ.get("BROBYGGER_CHROMIUM", "/usr/bin/chromium")

# (file name, login, path or a callable that finds the path on the page)
PAGES = [
    ("login", None, "/accounts/login/"),
    ("counsellor-home", "vejleder@opgang2.example", "/"),
    ("young-person-page", "vejleder@opgang2.example", "first-young-person"),
    ("note", "vejleder@opgang2.example", "first-note-form"),
    ("portal", "ung1@opgang2.example", "/me/"),
    ("mentor", "mentor4@opgang2.example", "/mentor/"),
    ("network", "konsulent@opgang2.example", "/companies/network/"),
    ("follow-up", "vejleder@opgang2.example", "/followup/"),
    ("case-review", "leder@opgang2.example", "first-review"),
    ("figures", "analytiker@opgang2.example", "/figures/"),
]


def serve(env):
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=1)  # noqa: S310 (our own loopback server)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the demo server did not start")


def resolve(page, target):
    if target.startswith("/"):
        return target
    page.goto(BASE + ("/" if target != "first-review" else "/reviews/"))
    link = {
        "first-young-person": "ul.caseload a.row",
        "first-note-form": "ul.caseload a.btn",
        "first-review": "main ul.list a.row",
    }[target]
    return page.locator(link).first.get_attribute("href")


def main():
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BROBYGGER_DEBUG="1", BROBYGGER_DATABASE_URL=f"sqlite:///{tmp}/screens.sqlite3")
        server = serve(env)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-background-networking"]
                )
                for name, login, target in PAGES:
                    for width in (375, 1280):
                        context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
                        page = context.new_page()
                        if login:
                            page.goto(f"{BASE}/accounts/login/")
                            page.fill("input[name=login]", login)
                            page.fill("input[name=password]", PASSWORD)
                            page.click("form button[type=submit]")
                            page.wait_for_load_state("networkidle")
                        page.goto(BASE + resolve(page, target))
                        page.wait_for_load_state("networkidle")
                        page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=False)
                        context.close()
                        print(f"docs/screenshots/{name}-{width}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
