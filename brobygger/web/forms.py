from django.contrib import messages

from brobygger.errors import Refused


def submit(request, form, act, *, success):
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
    messages.success(request, success)
    return True


def bound(request):
    """The POSTed data for a form, or None to show it empty."""
    return request.POST if request.method == "POST" else None
