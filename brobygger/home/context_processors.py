from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from brobygger.access import policy
from brobygger.access.rules import Action, Kind

NAV = [
    ("home", _("Home"), None),
    ("portal", _("My page"), (Kind.OWN_DATA, Action.VIEW)),
    ("young_people_list", _("Young people"), (Kind.YOUNG_PERSON, Action.LIST)),
    ("mentor_home", _("My young people"), (Kind.ACTIVITY, Action.LIST)),
    ("followup_home", _("Follow-up"), (Kind.FOLLOWUP_CONTACT, Action.LIST)),
    ("reviews", _("Case reviews"), (Kind.REVIEW, Action.LIST)),
    ("groups", _("Community"), (Kind.GROUP, Action.LIST)),
    ("network_dashboard", _("Network"), (Kind.COMPANY, Action.DASHBOARD)),
    ("company_list", _("Companies"), (Kind.COMPANY, Action.LIST)),
    ("rounds", _("Mutual choice"), (Kind.ROUND, Action.LIST)),
    ("shared_list", _("Shared with us"), (Kind.SHARED_PERSON, Action.LIST)),
    ("figures", _("Figures"), (Kind.FIGURES, Action.VIEW)),
    ("member_list", _("Members"), (Kind.MEMBERSHIP, Action.LIST)),
    ("access_log", _("Access log"), (Kind.ACCESS_LOG, Action.LIST)),
    ("catalogue_assessments", _("Self-assessment"), (Kind.SELF_ASSESSMENT, Action.LIST)),
    ("exchange", _("Import and export"), (Kind.IMPORT_BATCH, Action.LIST)),
    ("catalogue", _("Catalogue"), None),
    ("guide", _("Rules guide"), None),
]


def _is_fragment(request):
    """htmx asks for part of a page (not a whole one, as a boosted link does): no menu to draw."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted


def _menu(request, actor):
    current = getattr(request.resolver_match, "url_name", None)
    return [
        {"name": name, "href": reverse(name), "label": str(label), "current": name == current}
        for name, label, needs in NAV
        if needs is None or policy.may(actor, *needs)
    ]


def navigation(request):
    actor = getattr(request, "actor", None)
    if actor is None or not actor.is_authenticated or actor.organisation is None:
        return {"nav": [], "may_edit_content": False, "may_assess": False, "may_export": {}}
    return {
        "nav": [] if _is_fragment(request) else _menu(request, actor),
        "may_edit_content": policy.may(actor, Kind.PUBLIC_CONTENT, Action.UPDATE),
        "may_assess": policy.may(actor, Kind.SELF_ASSESSMENT, Action.UPDATE),
        "may_export": {
            "young_people": policy.may(actor, Kind.YOUNG_PERSON, Action.EXPORT),
            "companies": policy.may(actor, Kind.COMPANY, Action.EXPORT),
        },
    }
