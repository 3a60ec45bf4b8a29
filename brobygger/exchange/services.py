"""Imports: upload, check (the preview), import; each step one transaction, the
long ones as background jobs. And exports, each in the access log."""

import hashlib
import logging

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_scopes import scope, scopes_disabled

from brobygger.access.rules import Action
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction
from brobygger.core.errors import Refused, Said, in_every_language
from brobygger.people import selectors as people_selectors
from brobygger.tenancy.selectors import actor_in

from . import checking, progress, reading
from .kinds import HANDLERS, RULE_KIND, may
from .models import ImportBatch

State = ImportBatch.State
logger = logging.getLogger(__name__)


@transaction.atomic
def upload(actor, *, kind, name, content):
    """Keep the file and start checking it (a background job). Refuses a kind the actor may not import."""
    if not may(actor, kind, Action.IMPORT):
        raise Refused(_("You may not import this kind of data."))
    reading.check_size(len(content))
    batch = ImportBatch.objects.create(
        organisation=actor.organisation,
        kind=kind,
        file_name=name[:255],
        file_format=reading.file_format(content),
        content=content,
        digest=hashlib.sha256(content).hexdigest(),
        created_by=actor.user,
    )
    from .tasks import check_batch

    check_batch.enqueue(batch.pk)
    return batch


def _batch(batch_id):
    with scopes_disabled():
        return ImportBatch.objects.select_related("organisation", "created_by").get(pk=batch_id)


def run_check(batch_id):
    """The check job: every row read and checked; the batch ends CHECKED or REFUSED."""
    batch = _batch(batch_id)
    if batch.state != State.CHECKING:
        return batch  # a job run twice does nothing the second time
    with scope(organisation=batch.organisation_id):
        handler = HANDLERS[batch.kind]
        try:
            checked = checking.check(batch.kind, bytes(batch.content), handler, lambda n: progress.report(batch.pk, n))
        except Refused as exc:
            _finish_check(batch, state=State.REFUSED, refusal=in_every_language(exc))
            return batch
        _finish_check(
            batch,
            state=State.CHECKED,
            rows_total=checked.total,
            error_count=checked.error_rows,
            errors=checked.errors,
            preview=checking.preview_of(checked, batch.kind),
        )
    return batch


@transaction.atomic
def _finish_check(batch, **fields):
    for name, value in fields.items():
        setattr(batch, name, value)
    batch.save(update_fields=list(fields))
    progress.forget(batch.pk)


@transaction.atomic
def start_import(actor, batch, *, skip_bad_rows=False):
    """Queue the import of a checked file. With rows in error it goes ahead only when asked to leave them out."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != State.CHECKED:
        raise Refused(_("This file is not waiting to be imported."))
    if batch.error_count and not skip_bad_rows:
        raise Refused(
            _("%(n)s rows have errors, so nothing is imported. Correct the file and upload it again.")
            % {"n": batch.error_count}
        )
    if batch.error_count == batch.rows_total:
        raise Refused(_("Every row has errors; there is nothing to import."))
    batch.state, batch.skip_bad_rows = State.IMPORTING, skip_bad_rows
    batch.save(update_fields=["state", "skip_bad_rows"])
    from .tasks import import_batch

    import_batch.enqueue(batch.pk)
    return batch


def end_unfinished(batch_id):
    """The batch's job failed outside its own error handling (its worker stopped too often, or a
    fault): the batch ends, so the person's page says nothing was imported instead of waiting."""
    with transaction.atomic():
        batch = ImportBatch.objects.with_scopes_disabled().select_for_update().filter(pk=batch_id).first()
        if batch is None or not batch.busy:
            return batch
        if batch.state == State.CHECKING:
            cut_off = Said(gettext_noop("The check was interrupted before it finished. Upload the file again."))
            _finish_check(batch, state=State.REFUSED, refusal=in_every_language(cut_off))
        else:
            cut_off = Said(gettext_noop("The import was interrupted before it finished; nothing was imported."))
            _finish_import(batch, State.FAILED, {"error": in_every_language(cut_off)})
    return batch


def run_import(batch_id):
    """The import job: the file checked again (the data may have changed since the preview),
    then every row written in one transaction. On any error nothing is written."""
    batch = _batch(batch_id)
    if batch.state != State.IMPORTING:
        return batch
    with scope(organisation=batch.organisation_id):
        actor = actor_in(batch.created_by, batch.organisation)
        try:
            summary = _import(actor, batch)
        except Refused as exc:
            _finish_import(batch, State.FAILED, {"error": in_every_language(exc)})
        except DatabaseError:
            logger.exception("Import %s failed in the database", batch.pk)
            refused = Said(gettext_noop("The database refused the rows; nothing was imported."))
            _finish_import(batch, State.FAILED, {"error": in_every_language(refused)})
        else:
            _finish_import(batch, State.DONE, summary)
    return batch


def _import(actor, batch):
    if not may(actor, batch.kind, Action.IMPORT):
        name = actor.user.display_name
        raise Refused(Said(gettext_noop("%(name)s may no longer import this kind of data."), name=name))
    handler = HANDLERS[batch.kind]
    checked = checking.check(
        batch.kind, bytes(batch.content), handler, lambda n: progress.report(batch.pk, n, progress.CHECKING_AGAIN)
    )
    if checked.error_rows and not batch.skip_bad_rows:
        outgrown = gettext_noop("Since the check, %(n)s rows have errors (the data changed); nothing was imported.")
        raise Refused(Said(outgrown, n=checked.error_rows))
    rows = [values for _number, values in checked.rows]
    with transaction.atomic():
        summary = handler.write(actor, rows, lambda n: progress.report(batch.pk, n, progress.WRITING))
        summary["skipped"] = checked.error_rows
        audit.log(
            actor,
            LogAction.CREATE,
            kind=RULE_KIND[batch.kind],
            criterion=f"import {batch.kind} {batch.file_name}: {summary}",
        )
    return summary


@transaction.atomic
def _finish_import(batch, state, summary):
    batch.state, batch.summary, batch.finished_at = state, summary, timezone.now()
    if state == State.DONE:
        batch.content = b""  # the rows are in now; the file is not kept
    batch.save(update_fields=["state", "summary", "finished_at", "content"])
    progress.forget(batch.pk)


@transaction.atomic
def record_export(actor, kind, fmt, subjects):
    """Write the export in the access log: one row per young person in it, or one for the file."""
    criterion = f"export {kind} {fmt}"
    if subjects is not None:
        return audit.log_many(actor, LogAction.EXPORT, kind=RULE_KIND[kind], subjects=subjects, criterion=criterion)
    audit.log(actor, LogAction.EXPORT, kind=RULE_KIND[kind], criterion=criterion)
    return 1


def forget_person(young_person):
    """Erasure (Art. 17): drop the organisation's uploaded files that mention the person.
    Returns how many were deleted. A file that cannot be read is checked as raw text."""
    organisation = young_person.organisation
    lowered = [w.lower() for w in people_selectors.identifying_words(young_person)]
    doomed = []
    with scopes_disabled():
        for batch in ImportBatch.objects.filter(organisation=organisation).only("pk", "content", "errors", "preview"):
            if any(w in _batch_text(batch) for w in lowered):
                doomed.append(batch.pk)
        ImportBatch.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def _batch_text(batch):
    try:
        header, rows = reading.read_table(bytes(batch.content))
        text = "\n".join("\t".join(str(cell) for cell in row) for row in [header, *rows])
    except reading.FileRefused:
        text = bytes(batch.content).decode("latin-1")
    return (text + str(batch.errors) + str(batch.preview)).lower()
