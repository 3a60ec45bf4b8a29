import time

from django.db import transaction
from django_scopes import scopes_disabled

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log

from . import storage
from .models import Attachment

KIND = LogKind.ATTACHMENT


def attach(actor, young_person, *, inspected, description=""):
    """Store the checked file and its row together: the file is written first and removed again
    if the row cannot be committed, so neither is left without the other."""
    stored_name = storage.new_name()
    storage.write(stored_name, inspected.content)
    try:
        with transaction.atomic():
            attachment = Attachment.objects.create(
                organisation=young_person.organisation,
                young_person=young_person,
                stored_name=stored_name,
                original_name=inspected.name,
                kind=inspected.kind.value,
                size=inspected.size,
                sha256=inspected.sha256,
                description=description,
                uploaded_by=actor.user,
            )
            log(actor, LogAction.CREATE, kind=KIND, subject=young_person, obj=attachment)
    except BaseException:
        storage.remove(stored_name)
        raise
    return attachment


def record_download(actor, attachment):
    log(actor, LogAction.VIEW, kind=KIND, subject=attachment.young_person, obj=attachment)


@transaction.atomic
def delete(actor, attachment):
    log(actor, LogAction.DELETE, kind=KIND, subject=attachment.young_person, obj=attachment)
    stored_name = attachment.stored_name
    attachment.delete()
    transaction.on_commit(lambda: storage.remove(stored_name))


def forget_files(young_person):
    """Erasure: the files go once the rows (deleted with the young person) are gone for good."""
    names = list(Attachment.objects.filter(young_person=young_person).values_list("stored_name", flat=True))
    transaction.on_commit(lambda: [storage.remove(name) for name in names])


def sweep_orphan_files(grace_seconds=3600):
    """Remove files no row points to (a crash between writing a file and committing its row, or
    before a deletion's file removal ran) once they are older than `grace_seconds`, so an upload
    still in progress is never touched. Returns the names removed and the rows whose file is missing."""
    with scopes_disabled():
        known = set(Attachment.objects.values_list("stored_name", flat=True))
    cutoff = time.time() - grace_seconds
    removed = []
    for path in storage.folder().iterdir():
        unused = path.suffix == ".partial" or path.name not in known
        if unused and path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path.name)
    present = {path.name for path in storage.folder().iterdir()}
    return removed, sorted(known - present)
