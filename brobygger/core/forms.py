from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, QueryDict

from brobygger.core.errors import Refused


@dataclass(frozen=True)
class Done:
    """A service call that went through, and what it returned."""

    value: Any


Success = object  # a message, or a callable that makes it from what the service returned


def _said(request: HttpRequest, success: Success | None, value: Any) -> None:
    if success is not None:
        messages.success(request, str(success(value) if callable(success) else success))


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    act: Callable[[dict[str, Any]], Any],
    *,
    success: Success | None = None,
    field: str | None = None,
) -> Done | None:
    """For a valid POSTed form, run `act(cleaned_data)` (a service call, one transaction) and say
    `success`. A refusal from the service goes on the form as a clear error (on `field`, or the
    whole form), and nothing is done."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        value = act(form.cleaned_data)
    except Refused as refusal:
        form.add_error(field, str(refusal))
        return None
    _said(request, success, value)
    return Done(value)


def perform(request: HttpRequest, act: Callable[[], Any], *, success: Success | None = None) -> Done | None:
    """A button that does one thing, with nothing to fill in: run `act()` (a service call, one
    transaction) and say `success`; a refusal becomes the page's error message."""
    try:
        value = act()
    except Refused as refusal:
        messages.error(request, str(refusal))
        return None
    _said(request, success, value)
    return Done(value)


def bound(request: HttpRequest) -> QueryDict | None:
    """The POSTed data for a form, or None to show it empty."""
    return request.POST if request.method == "POST" else None


class DateInput(forms.DateInput):
    """A date field as the phone's own date picker, in the ISO form the browser sends."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)
