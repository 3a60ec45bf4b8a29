from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound
from brobygger.security.uploads import CONTENT_TYPES

from . import services, storage
from .forms import AttachmentForm

YP = Kind.YOUNG_PERSON
AT = Kind.ATTACHMENT


@rule(YP, Action.ATTACH, methods=("GET", "POST"))
def attachment_create(request, pk):
    young_person = policy.fetch(request.actor, YP, Action.ATTACH, pk).obj
    form = AttachmentForm(bound(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.attach(
            request.actor,
            young_person,
            inspected=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The document is added. The young person can see it on their page."))
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "attachments/form.html", {"form": form, "young_person": young_person})


@rule(AT, Action.VIEW)
def attachment_download(request, pk):
    """Only ever as a download, with the type we found in the file, never rendered by the browser."""
    attachment = policy.fetch(request.actor, AT, Action.VIEW, pk).obj
    services.record_download(request.actor, attachment)
    response = FileResponse(
        open(storage.path_of(attachment.stored_name), "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES[attachment.kind],
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@rule(AT, Action.DELETE, methods=("POST",))
def attachment_delete(request, pk):
    attachment = policy.fetch(request.actor, AT, Action.DELETE, pk).obj
    young_person_pk = attachment.young_person_id
    services.delete(request.actor, attachment)
    messages.success(request, _("The document is deleted."))
    return redirect("young_person_detail", pk=young_person_pk)
