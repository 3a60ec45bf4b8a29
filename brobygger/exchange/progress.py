"""How far a running job has come, readable while its transaction is still open.

An import writes in one transaction (all or nothing), so its progress cannot be
a row in the database: no other connection would see it before the end. It
goes to the "progress" cache instead, a directory of files shared by the web
processes and the worker on one machine (settings.CACHES).
"""

from django.core.cache import caches

TIMEOUT = 6 * 60 * 60


def _key(batch_id):
    return f"import-progress:{batch_id}"


# What an import is doing while its count moves: the file checked again, then the rows written.
CHECKING_AGAIN = "checking_again"
WRITING = "writing"


def report(batch_id, done, stage=""):
    caches["progress"].set(_key(batch_id), (done, stage), TIMEOUT)


def so_far(batch_id):
    """(rows done, stage) of the running job; (0, "") before its first report."""
    return caches["progress"].get(_key(batch_id), (0, ""))


def forget(batch_id):
    caches["progress"].delete(_key(batch_id))
