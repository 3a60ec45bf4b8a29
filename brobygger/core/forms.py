from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, QueryDict

from brobygger.core.errors import Refused


def submit(
    request: HttpRequest, form: forms.BaseForm, act: Callable[[dict[str, Any]], object], *, success: object
) -> bool:
    """For a valid POSTed form, run `act(cleaned_data)` (a service call, one
    transaction). True when it succeeded (with `success` as the message); a
    refusal from the service goes on the form as a clear error, and False."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        act(form.cleaned_data)
    except Refused as refusal:
        form.add_error(None, str(refusal))
        return False
    messages.success(request, str(success))
    return True


def bound(request: HttpRequest) -> QueryDict | None:
    """The POSTed data for a form, or None to show it empty."""
    return request.POST if request.method == "POST" else None


class DateInput(forms.DateInput):
    """A date field as the phone's own date picker, in the ISO form the browser sends."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)
