from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.security.uploads import CONTENT_TYPES
from brobygger.web.forms import bound

from . import services, storage
from .forms import AttachmentForm

YP = Kind.YOUNG_PERSON
AT = Kind.ATTACHMENT


@rule(YP, Action.ATTACH, methods=("GET", "POST"))
def attachment_create(request, pk):
    young_person, role = policy.object_and_role(request.actor, YP, Action.ATTACH, pk)
    form = AttachmentForm(bound(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.attach(
            request.actor,
            young_person,
            inspected=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
            role=role,
        )
        messages.success(request, _("The document is added. The young person can see it on their page."))
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "attachments/form.html", {"form": form, "young_person": young_person})


@rule(AT, Action.VIEW)
def attachment_download(request, pk):
    """Only ever as a download, with the type we found in the file, never rendered by the browser."""
    attachment, role = policy.object_and_role(request.actor, AT, Action.VIEW, pk)
    services.record_download(request.actor, attachment, role)
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
    attachment, role = policy.object_and_role(request.actor, AT, Action.DELETE, pk)
    young_person_pk = attachment.young_person_id
    services.delete(request.actor, attachment, role)
    messages.success(request, _("The document is deleted."))
    return redirect("young_person_detail", pk=young_person_pk)
