from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound, perform, submit

from . import exports, progress, selectors, services
from .columns import COLUMNS
from .forms import ImportForm, UploadForm, importable
from .kinds import HANDLERS, may
from .models import DataKind

BATCH = Kind.IMPORT_BATCH

# A file no worker has moved for this long is said to be waiting for one.
UNATTENDED_AFTER = timedelta(minutes=1)


@rule(BATCH, Action.LIST, methods=("GET", "POST"))
def exchange_home(request):
    """Upload a file; the recent imports; the exports the user may take."""
    form = UploadForm(bound(request), request.FILES or None, actor=request.actor)
    done = submit(
        request,
        form,
        lambda data: services.upload(
            request.actor, kind=data["kind"], name=data["file"].name, content=data["file"].content
        ),
        field="file",
    )
    if done:
        return redirect("exchange_batch", pk=done.value.pk)
    kinds = [kind for kind, _label in importable(request.actor)]
    context = {
        "form": form,
        "batches": selectors.recent_batches(policy.visible(request.actor, BATCH, Action.LIST), kinds),
        "columns": {kind: COLUMNS[kind] for kind in kinds},
        "kinds": dict(DataKind.choices),
        "exports": exportable(request.actor),
    }
    return render(request, "exchange/home.html", context)


def exportable(actor):
    """(label, CSV address, Excel address) of each kind the actor may export."""
    found = []
    for kind, label in DataKind.choices:
        if may(actor, kind, Action.EXPORT):
            name = f"export_{kind}"
            found.append((label, reverse(f"{name}_csv"), reverse(f"{name}_xlsx")))
    return found


def _batch(request, pk, action=Action.VIEW):
    batch = policy.fetch(request.actor, BATCH, action, pk).obj
    if not may(request.actor, batch.kind, Action.IMPORT):
        raise Http404
    return batch


@rule(BATCH, Action.VIEW)
def batch_detail(request, pk):
    batch = _batch(request, pk)
    done, stage = progress.so_far(batch.pk) if batch.busy else (batch.rows_total, "")
    context = {"batch": batch, "columns": COLUMNS[batch.kind], "form": ImportForm(), "done": done, "stage": stage}
    # No worker has moved it for a minute: say so, instead of a counter that never moves.
    context["unattended"] = batch.busy and not done and timezone.now() - batch.created_at > UNATTENDED_AFTER
    template = "exchange/_batch_state.html" if request.htmx else "exchange/batch.html"
    return render(request, template, context)


@rule(BATCH, Action.IMPORT, methods=("POST",))
def batch_import(request, pk):
    batch = _batch(request, pk, Action.IMPORT)
    form = ImportForm(request.POST)
    skip = form.is_valid() and form.cleaned_data["skip_bad_rows"]
    perform(request, lambda: services.start_import(request.actor, batch, skip_bad_rows=skip))
    return redirect("exchange_batch", pk=batch.pk)


def _export(request, kind, fmt):
    if not may(request.actor, kind, Action.EXPORT):
        raise Http404
    rows, subjects = HANDLERS[kind].export(request.actor)
    services.record_export(request.actor, kind, fmt, subjects)
    body = exports.as_csv(kind, rows) if fmt == "csv" else exports.as_xlsx(kind, rows)
    response = HttpResponse(body, content_type=exports.CSV_TYPE if fmt == "csv" else exports.XLSX_TYPE)
    name = f"brobygger-{kind.replace('_', '-')}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@rule(Kind.COMPANY, Action.EXPORT)
def export_companies(request, fmt):
    return _export(request, DataKind.COMPANIES, fmt)


@rule(Kind.COMPANY, Action.EXPORT)
def export_offers(request, fmt):
    return _export(request, DataKind.OFFERS, fmt)


@rule(Kind.YOUNG_PERSON, Action.EXPORT)
def export_young_people(request, fmt):
    return _export(request, DataKind.YOUNG_PEOPLE, fmt)


@rule(Kind.YOUNG_PERSON, Action.EXPORT)
def export_status_history(request, fmt):
    return _export(request, DataKind.STATUS_HISTORY, fmt)
