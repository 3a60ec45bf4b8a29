"""The start page's lists, each a part the page loads after itself (brobygger.core.parts).

Each part says whom it is for (`applies`, no query) and what it shows (`lists`); the start page
draws a placeholder for every part that applies to the actor's roles.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brobygger.access import policy
from brobygger.access.rules import Action, Kind
from brobygger.core.roles import Role
from brobygger.followup import selectors as followup_selectors
from brobygger.outcomes import selectors as outcome_selectors
from brobygger.people import selectors as people_selectors
from brobygger.staircase import selectors as staircase_selectors


@dataclass(frozen=True)
class Part:
    heading: object
    applies: Callable
    lists: Callable


def _caseload(actor):
    caseload = policy.visible(actor, Kind.YOUNG_PERSON, Action.LIST)
    return {
        "caseload": people_selectors.with_entry_point(caseload)[:20],
        "caseload_count": caseload.count(),
        # Everyone whose caseload is their team may write notes on it (rules: WRITE_NOTE on TEAM or ORG).
        "may_write_notes": policy.may(actor, Kind.YOUNG_PERSON, Action.WRITE_NOTE),
    }


def _due(actor):
    contacts, due_checks = followup_selectors.due_for(actor.user)
    due_contacts, due_more = followup_selectors.first(contacts, followup_selectors.HOME_SHOWS)
    return {
        "due_contacts": due_contacts,
        "due_checks": due_checks,
        "due_more": due_more,
        "how_choices": followup_selectors.how_it_goes_choices(),
        "today": timezone.localdate(),
    }


def _distribute(actor):
    visible = policy.visible(actor, Kind.YOUNG_PERSON, Action.LIST)
    return {
        "to_distribute": people_selectors.without_counsellor(visible)[:20],
        "caseloads": people_selectors.caseload_counts(),
    }


PARTS = {
    "attentions": Part(
        _("Get in touch soon"),
        lambda actor: actor.has_role(Role.COUNSELLOR),
        lambda actor: {"attentions": outcome_selectors.open_attentions_for(actor.user)},
    ),
    "due": Part(
        _("Follow-ups due"),
        lambda actor: policy.may(actor, Kind.FOLLOWUP_CONTACT, Action.LIST),
        _due,
    ),
    "caseload": Part(
        _("Young people"),
        lambda actor: policy.may(actor, Kind.YOUNG_PERSON, Action.LIST),
        _caseload,
    ),
    "talents": Part(
        _("Talents spotted in the workshops"),
        lambda actor: actor.has_role(Role.COUNSELLOR, Role.CONSULTANT),
        lambda actor: {"talents": staircase_selectors.talents_for_team_member(actor.user)},
    ),
    "distribute": Part(
        _("New referrals without a counsellor"),
        lambda actor: actor.has_role(Role.TEAM_LEAD),
        _distribute,
    ),
    "companies": Part(
        _("Companies"),
        lambda actor: policy.may(actor, Kind.COMPANY, Action.LIST) and actor.has_role(Role.CONSULTANT, Role.MENTOR),
        lambda actor: {"companies": policy.visible(actor, Kind.COMPANY, Action.LIST)[:20]},
    ),
}


def parts_for(actor):
    return [(key, part.heading) for key, part in PARTS.items() if part.applies(actor)]


def lists(actor, key):
    """What the part shows, or None where it is not for the actor."""
    part = PARTS[key]
    return part.lists(actor) if part.applies(actor) else None
