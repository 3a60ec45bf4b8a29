"""Is this app server healthy? Exit 0 if so, 1 if not (compose healthcheck, systemd, a load balancer).

Asks the server's /healthz as nginx asks it: with the public host name and `X-Forwarded-Proto: https`.
A bare request would get Django's answer to a wrong host (400) or its redirect to HTTPS (301) instead
of the app's health. A redirect counts as unhealthy. Standard library only: it runs every few seconds
and must not start Django.

    python deploy/healthcheck.py [port]      (default 8000)
"""

import os
import sys
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def public_host():
    first = os.environ.get("BROBYGGER_ALLOWED_HOSTS", "127.0.0.1").split(",")[0].strip()
    return "localhost" if first in ("", "*") else first.lstrip(".")


def healthy(port):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"Host": public_host(), "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=5) as response:
            return response.status == 200
    except OSError:  # nobody listening, a time-out, or an HTTPError: any answer but 2xx, a redirect too
        return False


if __name__ == "__main__":
    sys.exit(0 if healthy(int(sys.argv[1]) if len(sys.argv) > 1 else 8000) else 1)
