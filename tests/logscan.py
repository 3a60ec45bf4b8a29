"""Every log line the suite writes, kept to be searched for CPR numbers and secrets at the end."""

import logging
import re

from brobygger.security.cpr import ANYWHERE
from brobygger.security.logging import RedactCPRFilter

LINES = []
SESSION_KEYS = set()
API_TOKEN = re.compile(r"bro_[A-Za-z0-9_-]{20,}")


class CaptureHandler(logging.Handler):
    """Keeps what a production handler would write: the same CPR filter is applied first."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.addFilter(RedactCPRFilter())

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        LINES.append(text)


def findings():
    found = []
    for line in LINES:
        found += [f"CPR-like {m!r}: {line[:200]}" for m in ANYWHERE.findall(line)]
        found += [f"API token: {line[:200]}" for _ in API_TOKEN.findall(line)]
        found += [f"session key: {line[:200]}" for key in SESSION_KEYS if key in line]
    return found
