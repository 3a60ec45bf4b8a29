"""Every page, for every role, in Chromium at 375 px: zero WCAG 2.2 AA
violations found by axe-core, and no sideways scrolling."""

import contextlib
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve, reverse

from tests import world as world_module
from tests.auth import log_in
from tests.browser import session_cookie
from tests.test_matrix import EXAMPLE_KWARGS, OUR_PATTERNS, expected_allowed
from tests.world import OBJECTS_BY_KIND

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ROLES = [
    "counsellor_on_team",
    "consultant",
    "workshop_leader",
    "lead",
    "mentor_with_consent",
    "young_a",
    "analyst",
    "admin",
    "anonymous",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ANONYMOUS_PAGES = ["account_login", "account_reset_password"]
# Answers that are not HTML pages: JSON, downloads, the calendar feed, an htmx fragment.
NOT_PAGES = {
    *(
        f"export_{kind}_{fmt}"
        for kind in ("companies", "offers", "young_people", "status_history")
        for fmt in ("csv", "xlsx")
    ),
    "healthz",
    "followup_feed",
    "esco_search",
    "export_json",
    "export_pdf",
    "figures_xlsx",
    "figures_pdf",
    "certificate_pdf",
    "certificate_json",
    "did_document",
    "certificate_status_list",
    "open_data_json",
    "open_data_csv",
    "attachment_download",
}


def pages_for(world, fixture):
    """Every GET page this role may open, with an object it may open it for."""
    if fixture == "anonymous":
        return [reverse(name) for name in ANONYMOUS_PAGES]
    urls = []
    for _route, pattern in OUR_PATTERNS:
        access = pattern.callback.access
        if "GET" not in access.methods or pattern.name in NOT_PAGES:
            continue
        converters = pattern.pattern.converters
        extra = {name: EXAMPLE_KWARGS[name] for name in converters if name != "pk"}
        if "pk" not in converters:
            if access.public or access.login_only or expected_allowed(world, fixture, access, None):
                urls.append(reverse(pattern.name, kwargs=extra))
            continue
        for key in OBJECTS_BY_KIND[str(access.kind)]:
            if access.login_only or expected_allowed(world, fixture, access, key):
                urls.append(reverse(pattern.name, kwargs={"pk": world.objects[key].pk, **extra}))
                break
    return urls


def _context_for(browser, live_server, user, bypass_csp=False):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="da-DK", bypass_csp=bypass_csp)
    if user is not None:
        client = Client()
        log_in(client, user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([session_cookie(cookie, live_server.url)])
    return context


# Runs before any page script and is not itself subject to the page's CSP.
RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
"""


@pytest.mark.skipif(
    os.environ.get("BROBYGGER_TEST_DB", "sqlite") != "sqlite",
    reason="the CSP does not depend on the database: checked once, in the SQLite run",
)
def test_no_page_breaks_its_content_security_policy(live_server, transactional_db, browser):
    """Every page for every role, with the CSP enforced and every violation recorded (security.md R10)."""
    world = world_module.build()
    violations, checked = [], 0
    for fixture in ROLES:
        context = _context_for(browser, live_server, world.user(fixture))
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        console = []
        page.on("console", lambda message, seen=console: seen.append(message))  # Playwright needs a Python callable
        for url in pages_for(world, fixture) + ["/api/docs"]:
            response = page.goto(live_server.url + url)
            if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
                continue
            page.wait_for_load_state("load")
            checked += 1
            policy = response.headers["content-security-policy"]
            # django-csp adds a nonce only to pages that render a script with one.
            assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, policy
            violations += [f"{fixture} {url}: {v}" for v in page.evaluate("window.__csp")]
        violations += [f"{fixture}: {m.text}" for m in console if "Content Security Policy" in m.text]
        page.wait_for_load_state("networkidle")  # no htmx request still open on the server when the test ends
        context.close()
    print(f"CSP: {checked} pages loaded with the policy enforced, {len(violations)} violations")
    assert _recorder_sees_an_inline_script(browser, live_server), "the violation recorder records nothing"
    assert checked >= 80
    assert violations == [], "\n".join(violations)


def _recorder_sees_an_inline_script(browser, live_server):
    context = _context_for(browser, live_server, None)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.goto(live_server.url + "/")
    from playwright.sync_api import Error as PlaywrightError

    with contextlib.suppress(PlaywrightError):  # Playwright reports the refused script too
        page.add_script_tag(content="window.injected = true")
    page.wait_for_timeout(100)
    seen = page.evaluate("window.__csp.length > 0 && window.injected === undefined")
    context.close()
    return seen


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.skipif(
    os.environ.get("BROBYGGER_TEST_DB", "sqlite") != "sqlite",
    reason="accessibility does not depend on the database: checked once, in the SQLite run",
)
def test_every_page_for_every_role_has_no_wcag_violations(live_server, transactional_db, browser):
    world = world_module.build()
    problems, checked, names = [], 0, {}
    for fixture in ROLES:
        # axe is injected as a script of its own, which the CSP would (rightly) refuse;
        # test_no_page_breaks_its_content_security_policy checks the CSP itself.
        context = _context_for(browser, live_server, world.user(fixture), bypass_csp=True)
        page = context.new_page()
        for url in pages_for(world, fixture):
            response = page.goto(live_server.url + url)
            if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
                continue
            checked += 1
            names.setdefault(resolve(url).url_name, set()).add(fixture)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                WCAG_TAGS,
            )
            for violation in result["violations"]:
                targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
                problems.append(f"{fixture} {url}: {violation['id']} ({violation['impact']}) {targets}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                problems.append(f"{fixture} {url}: {width}px wide at 375 px")
        context.close()
    print(f"accessibility: {checked} pages checked for {len(ROLES)} roles")
    for name in sorted(names):
        print(f"  {name}: {', '.join(sorted(names[name]))}")
    assert checked >= 80
    assert problems == [], "\n".join(problems)


def test_pages_read_without_javascript(live_server, transactional_db, browser):
    """htmx only improves the pages: with JavaScript off everything is still there, every list of a
    long page in its one answer (brobygger.core.parts)."""
    world = world_module.build()
    client = Client()
    log_in(client, world.user("counsellor_on_team"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    context.add_cookies([session_cookie(cookie, live_server.url)])
    page = context.new_page()
    page.goto(f"{live_server.url}/young/{world.objects['yp_a'].pk}/")
    shown = page.inner_text("main")
    assert "Besøge et lydstudie A" in shown and "Vi talte om lyd og lys A" in shown
    page.get_by_text("Skift status").click()  # <details> opens without JavaScript
    assert page.get_by_role("button", name="Virksomhedspraktik (ulønnet)").is_visible()
    page.goto(f"{live_server.url}/young/?q=Asta")  # the search works as a plain GET form
    assert "Asta Andersen" in page.inner_text("main")
    context.close()
