"""What each kind of file means: how a row is checked beyond its cells, its key
(for "no duplicates"), how rows are written (through the owning app's services)
and what an export holds. The access rule of each kind is in `RULE_KIND`."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy, gettext_noop

from brobygger.access import policy
from brobygger.access.rules import Action, Kind
from brobygger.companies import services as company_services
from brobygger.companies.models import Offer
from brobygger.core.errors import Later, Said
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways import services as pathway_services
from brobygger.pathways.models import StatusCode
from brobygger.people import services as people_services
from brobygger.people.forms import ReferralForm

from .models import DataKind

RULE_KIND = {
    DataKind.COMPANIES: Kind.COMPANY,
    DataKind.OFFERS: Kind.COMPANY,
    DataKind.YOUNG_PEOPLE: Kind.YOUNG_PERSON,
    DataKind.STATUS_HISTORY: Kind.YOUNG_PERSON,
}


def may(actor, kind, action):
    return policy.may(actor, RULE_KIND[kind], action)


def _postcode_problem(values, key="postcode"):
    code = values.get(key, "")
    if code and not (len(code) == 4 and code.isdigit()):
        return [
            (
                gettext_lazy("Postcode"),
                Said(gettext_noop("“%(value)s” is not a Danish postcode (4 digits)."), value=code),
            )
        ]
    return []


class Companies:
    def context(self):
        return None

    def validate(self, values, context):
        return _postcode_problem(values)

    def key(self, values):
        return ("cvr", values["cvr"]) if values.get("cvr") else ("name", values["name"].casefold())

    def write(self, actor, rows, on_progress):
        return company_services.upsert_companies(actor.organisation, rows, on_progress)

    def export(self, actor):
        companies = policy.visible(actor, Kind.COMPANY, Action.EXPORT).order_by("name")
        return [[c.cvr, c.name, c.address, c.postcode, c.city, c.sector] for c in companies], None


class Offers:
    def context(self):
        return None

    def validate(self, values, context):
        problems = _postcode_problem(values)
        capacity = values.get("capacity")
        if capacity is not None and not 1 <= capacity <= 100:
            problems.append((gettext_lazy("Places"), gettext_lazy("Between 1 and 100 places.")))
        hours = values.get("hours_per_week")
        if hours is not None and not (0 <= hours <= 60 and hours == round(hours, 1)):
            problems.append(
                (gettext_lazy("Hours per week"), gettext_lazy("Between 0 and 60 hours, with at most one decimal."))
            )
        return problems

    def key(self, values):
        return values["external_key"]

    def write(self, actor, rows, on_progress):
        return company_services.upsert_offers(actor.organisation, rows, on_progress)

    def export(self, actor):
        companies = policy.visible(actor, Kind.COMPANY, Action.EXPORT)
        offers = Offer.objects.filter(company__in=companies).select_related("company").order_by("company__name", "pk")
        rows = [
            [
                o.external_key or f"{company_services.EXPORTED_KEY_PREFIX}{o.pk}",
                o.company.cvr,
                o.company.name,
                o.get_kind_display(),
                o.title,
                o.description,
                o.capacity,
                o.hours_per_week,
                o.place,
                o.postcode,
                o.is_open,
            ]
            for o in offers
        ]
        return rows, None


class YoungPeople:
    def context(self):
        return None

    def validate(self, values, context):
        data = {name: values.get(name, "") for name in ReferralForm.Meta.fields}
        data["referral_source"] = data["referral_source"] or "other"
        form = ReferralForm(data=data)
        if form.is_valid():
            values.update(form.cleaned_data)  # written as the form cleaned them, defaults included
            return []
        # Each error kept as its lazy message and values, so it reads in the reader's language.
        return [
            (form.fields[f].label if f in form.fields else "", Later(lambda error=error: " ".join(error)))
            for f, errors in form.errors.as_data().items()
            for error in errors
        ]

    def key(self, values):
        return values["external_key"]

    def write(self, actor, rows, on_progress):
        return people_services.upsert_referrals(actor, rows, on_progress)

    def export(self, actor):
        people = policy.visible(actor, Kind.YOUNG_PERSON, Action.EXPORT).order_by("last_name", "first_name", "pk")
        rows = [
            [
                _key_of(p),
                p.first_name,
                p.last_name,
                p.birth_date,
                p.get_gender_display() if p.gender else "",
                p.phone,
                p.email,
                p.referral_date,
                p.get_referral_source_display(),
            ]
            for p in people
        ]
        return rows, people


def _key_of(person):
    return person.external_key or f"{people_services.EXPORTED_KEY_PREFIX}{person.pk}"


class StatusHistory:
    """Each row names a young person already on the platform by their key."""

    def context(self):
        return {"people": {}, "codes": {}}

    def _person(self, key, context):
        if key not in context["people"]:
            context["people"][key] = people_services.young_people_by_key([key]).get(key)
        return context["people"][key]

    def _code(self, axis, text, on, context):
        cache_key = (axis, text.casefold(), on)
        if cache_key not in context["codes"]:
            context["codes"][cache_key] = pathway_selectors.code_named(axis, text, on) or next(
                (
                    c
                    for c in pathway_selectors.codes(axis, on)
                    if text.casefold() in {c.label_da.casefold(), c.label_en.casefold()}
                ),
                None,
            )
        return context["codes"][cache_key]

    def validate(self, values, context):
        key, on = values["young_person_key"], values["valid_from"]
        person = self._person(key, context)
        if person is None:
            return [(gettext_lazy("Key"), Said(gettext_noop("No young person has the key “%(key)s”."), key=key))]
        code = values["activity"]
        activity = self._code(StatusCode.Axis.ACTIVITY, code, on, context)
        if activity is None:
            unknown = Said(gettext_noop("“%(code)s” is no activity status in use on that day."), code=code)
            return [(gettext_lazy("Activity"), unknown)]
        income, income_code = None, values.get("income")
        if income_code:
            income = self._code(StatusCode.Axis.INCOME, income_code, on, context)
            if income is None:
                unknown = Said(gettext_noop("“%(code)s” is no income status in use on that day."), code=income_code)
                return [(gettext_lazy("Income"), unknown)]
        if pathway_services.status_problem(person.birth_date, activity, income, on):
            problem = Later(lambda: pathway_services.status_problem(person.birth_date, activity, income, on))
            return [(gettext_lazy("From"), problem)]
        values.update(young_person=person, activity=activity, income=income)
        return []

    def key(self, values):
        income = values.get("income")
        return (values["young_person"].pk, values["valid_from"], values["activity"].pk, income.pk if income else None)

    def write(self, actor, rows, on_progress):
        return pathway_services.import_statuses(actor, rows, on_progress)

    def export(self, actor):
        people = policy.visible(actor, Kind.YOUNG_PERSON, Action.EXPORT).prefetch_related(
            Prefetch("status_entries", queryset=pathway_selectors.status_history_all())
        )
        people = list(people.order_by("last_name", "first_name", "pk"))
        rows = [
            [_key_of(p), e.valid_from, e.activity.code, e.income.code if e.income else "", e.note]
            for p in people
            for e in sorted(p.status_entries.all(), key=lambda e: (e.valid_from, e.pk))
        ]
        return rows, people


HANDLERS = {
    DataKind.COMPANIES: Companies(),
    DataKind.OFFERS: Offers(),
    DataKind.YOUNG_PEOPLE: YoungPeople(),
    DataKind.STATUS_HISTORY: StatusHistory(),
}
