from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.core.forms import bound

from . import selectors, services
from .forms import NoteForm

NOTES_PER_PAGE = 5  # a note can be long: a few fill a phone screen, then "Næste"


@rule(Kind.YOUNG_PERSON, Action.WRITE_NOTE, methods=("GET", "POST"))
def note_create(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.WRITE_NOTE, pk).obj
    initial = {"tracks": [request.GET["track"]]} if request.GET.get("track") in ("dream", "livelihood") else {}
    form = NoteForm(bound(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.write(request.actor, young_person, data=form.note_data())
        messages.success(request, _("The note is saved. %(name)s can read it.") % {"name": young_person.first_name})
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "conversations/note_form.html", {"form": form, "young_person": young_person})


@rule(Kind.YOUNG_PERSON, Action.WRITE_NOTE)
def notes_list(request, pk):
    """All notes about one young person, a page at a time (the team's view)."""
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.WRITE_NOTE, pk).obj
    audit.log_view(request.actor, Kind.NOTE, young_person, young_person)
    page = Paginator(selectors.for_young_person(young_person), NOTES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "conversations/all.html", {"page": page, "young_person": young_person})


@rule(Kind.NOTE, Action.UPDATE, methods=("GET", "POST"))
def note_edit(request, pk):
    note = policy.fetch(request.actor, Kind.NOTE, Action.UPDATE, pk).obj
    if not services.may_edit(request.user, note):
        messages.info(
            request, _("A note can only be corrected by its author on the day it was written. Write a new note.")
        )
        return redirect("young_person_detail", pk=note.young_person_id)
    form = NoteForm(bound(request), instance=note)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit(request.actor, note, data=form.note_data())
        except services.NoteLocked as locked:
            form.add_error(None, str(locked))
        else:
            messages.success(request, _("Saved."))
            return redirect("young_person_detail", pk=note.young_person_id)
    context = {"form": form, "young_person": note.young_person, "note": note}
    return render(request, "conversations/note_form.html", context)
