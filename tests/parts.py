"""A page as the browser ends up showing it."""

from django.test import Client


def whole_page(client: Client, url: str, data: dict | None = None) -> str:
    """The page's HTML, after checking it answered 200: every list of it is in its one answer
    (brobygger.core.parts)."""
    response = client.get(url, data)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()
