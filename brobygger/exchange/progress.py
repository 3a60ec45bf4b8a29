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


def report(batch_id, done):
    caches["progress"].set(_key(batch_id), done, TIMEOUT)


def done_so_far(batch_id):
    return caches["progress"].get(_key(batch_id), 0)


def forget(batch_id):
    caches["progress"].delete(_key(batch_id))
