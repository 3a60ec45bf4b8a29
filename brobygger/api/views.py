from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access.policy import login_only
from brobygger.core.forms import bound

from . import selectors, services
from .forms import TokenForm


@login_only(methods=("GET", "POST"))
def tokens(request):
    """The user's own API tokens in the active organisation. A new token is shown once."""
    form = TokenForm(bound(request))
    new_token = None
    if request.method == "POST" and request.actor.organisation is not None and form.is_valid():
        _row, new_token = services.create_token(request.actor, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": selectors.tokens_of(request.actor) if request.actor.organisation else [],
    }
    return render(request, "api/tokens.html", context)


@login_only(methods=("POST",))
def token_revoke(request, token_id):
    row = selectors.own_token(request.actor, token_id) if request.actor.organisation else None
    if row is None:
        messages.error(request, _("That token does not exist."))
    else:
        services.revoke_token(row)
        messages.success(request, _("The token “%(name)s” no longer works.") % {"name": row.name})
    return redirect("api_tokens")
