from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import LogAction
from brobygger.audit.services import log
from brobygger.core.errors import Refused

from .models import Note


class NoteLocked(Refused):
    pass


@transaction.atomic
def write(actor, young_person, *, data):
    note = Note(organisation=young_person.organisation, young_person=young_person, author=actor.user, **data)
    note.full_clean()
    note.save()
    log(actor, LogAction.CREATE, kind=Kind.NOTE, subject=young_person, obj=note)
    return note


def may_edit(user, note):
    """Only the author, and only on the day it was written: what the young
    person has read is not changed behind their back later."""
    return note.author_id == user.pk and timezone.localtime(note.created_at).date() == timezone.localdate()


@transaction.atomic
def edit(actor, note, *, data):
    if not may_edit(actor.user, note):
        raise NoteLocked(_("A note can only be corrected by its author on the day it was written. Write a new note."))
    for field, value in data.items():
        setattr(note, field, value)
    note.edited_at = timezone.now()
    note.full_clean()
    note.save()
    log(actor, LogAction.UPDATE, kind=Kind.NOTE, subject=note.young_person, obj=note)
    return note
