from django.core.paginator import Paginator
from django.shortcuts import render

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind


@rule(Kind.ACCESS_LOG, Action.LIST)
def access_log(request):
    rows = policy.visible(request.actor, Kind.ACCESS_LOG, Action.LIST).select_related("user", "subject")
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page})
