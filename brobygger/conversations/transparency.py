from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import plain, register

from .models import Note


def export(note):
    return {
        "date": plain(note.conversation_date),
        "written by": note.author.display_name,
        "note": note.text,
        "tracks": plain(note.tracks),
        "keys": plain(note.keys),
        "recognitions": plain(note.recognitions),
    }


register(
    Note,
    key="notes",
    title=_("What we have written about our conversations"),
    rows=lambda yp: Note.objects.filter(young_person=yp).select_related("author"),
    template="portal/sections/notes.html",
    export=export,
    order=12,  # right after where they are: the newest notes are in the first screens of the page
    preview=3,
)
