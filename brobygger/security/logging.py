"""A log filter that blanks out anything shaped like a CPR number (security.md R27).

CPR numbers are kept out of addresses and messages by design; this is the
second line: should one reach a log line (a URL someone typed, an error),
it is written as [CPR] instead.
"""

import logging

from .cpr import ANYWHERE

REDACTED = "[CPR]"


class RedactCPRFilter(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        if ANYWHERE.search(message):
            record.msg = ANYWHERE.sub(REDACTED, message)
            record.args = None
        return True
