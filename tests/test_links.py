"""Every link a role is shown leads somewhere (user-walk.md item 8: a consultant was shown 'Ny
netværksgruppe', which led to a refusal): each role follows every link on every page it can reach
from its start page, as a person tapping through would, and meets no 404 and no error."""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.world import FIXTURES

HREF = re.compile(r'<a\s[^>]*href="([^"]+)"')
# Links that are not pages to read: leaving the session, files to download, the API's own pages.
NOT_PAGES = ("/accounts/logout/", "/api/", "/static/", "/media/")
DOWNLOADS = (".pdf", ".json", ".xlsx", ".csv", ".ics")
MOST_PAGES = 400  # per role; the walk reaches every kind of page well before


def _internal(href):
    href = unescape(urldefrag(href)[0])
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(NOT_PAGES) or parts.path.endswith(DOWNLOADS):
        return None
    return href


def _walk(client, start):
    seen, queue, broken = {start}, deque([(start, None)]), []
    while queue and len(seen) <= MOST_PAGES:
        url, shown_on = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302):
            target = _internal(response["Location"])
            if target and target not in seen and "/accounts/login/" not in target:
                seen.add(target)
                queue.append((target, shown_on))
            continue
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code} (a link on {shown_on})")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            target = _internal(href)
            if target and target not in seen:
                seen.add(target)
                queue.append((target, url))
    return seen, broken


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f != "other_org_user"])
def test_every_link_a_role_is_shown_leads_to_a_page(world, client_for, fixture):
    client = client_for(fixture)
    seen, broken = _walk(client, "/")
    assert broken == [], f"{fixture} was shown links that lead nowhere:\n" + "\n".join(broken)
    assert len(seen) > (3 if fixture == "anonymous" else 5), seen  # the walk went somewhere
