"""A page as the browser ends up showing it: the page, then each part it loads after itself
(brobygger.core.parts) asked for as htmx asks, and put in its placeholder's place."""

import re
from html import unescape

PLACEHOLDER = re.compile(r'<section\b[^>]*\baria-busy="true"[^>]*\bdata-part="([^"]+)"[^>]*>.*?</section>', re.S)


def part_addresses(html):
    return [unescape(url) for url in PLACEHOLDER.findall(html)]


def whole_page(client, url, data=None):
    response = client.get(url, data)
    assert response.status_code == 200, (url, response.status_code)

    def fetch(match):
        part = client.get(unescape(match.group(1)), headers={"HX-Request": "true"})
        assert part.status_code == 200, (match.group(1), part.status_code)
        return part.content.decode()

    return PLACEHOLDER.sub(fetch, response.content.decode())
