from django.db import transaction

from brobygger.core.roles import Role
from brobygger.tenancy import services as tenancy_services

from .models import Company, CompanyContact, CompanyMentor, ContactLogEntry, MentorInvitation, Offer


@transaction.atomic
def create_company(actor, *, data):
    company = Company(organisation=actor.organisation, **data)
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def update_company(company, *, data):
    for field, value in data.items():
        setattr(company, field, value)
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def add_contact(company, *, name, title="", email="", phone=""):
    return CompanyContact.objects.create(
        organisation=company.organisation, company=company, name=name, title=title, email=email, phone=phone
    )


@transaction.atomic
def update_contact(contact, *, data):
    for field, value in data.items():
        setattr(contact, field, value)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def end_contact(contact):
    """The person no longer speaks for the company: they leave its page."""
    contact.delete()


@transaction.atomic
def add_mentor(company, user):
    mentor, _ = CompanyMentor.objects.get_or_create(organisation=company.organisation, company=company, user=user)
    return mentor


@transaction.atomic
def invite_mentor(actor, company, *, email, first_name, last_name="", title="", base_url):
    """Send a login invitation; whoever opens it becomes a mentor of this company (`link_mentor`)."""
    invitation = tenancy_services.invite(
        actor,
        email=email,
        role=Role.MENTOR,
        first_name=first_name,
        last_name=last_name,
        title=title,
        base_url=base_url,
    )
    return MentorInvitation.objects.create(organisation=company.organisation, company=company, invitation=invitation)


def link_mentor(sender, invitation, user, **kwargs):
    """An opened mentor invitation from a company's page seats its owner there (tenancy.invitation_accepted)."""
    seat = MentorInvitation.objects.filter(invitation=invitation).select_related("company").first()
    if seat is not None:
        add_mentor(seat.company, user)


@transaction.atomic
def end_mentor(mentor):
    """The mentor no longer receives young people here; their access to the company ends at once."""
    mentor.delete()


@transaction.atomic
def cancel_mentor_invitation(seat):
    tenancy_services.cancel(seat.invitation)
    seat.delete()


@transaction.atomic
def create_offer(company, *, data):
    offer = Offer(organisation=company.organisation, company=company, **data)
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def update_offer(offer, *, data):
    for field, value in data.items():
        setattr(offer, field, value)
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def log_contact(actor, company, *, day, channel, note):
    entry = ContactLogEntry(
        organisation=company.organisation, company=company, user=actor.user, day=day, channel=channel, note=note
    )
    entry.full_clean()
    entry.save()
    return entry


BULK_BATCH = 1000
COMPANY_IMPORT_FIELDS = ("name", "cvr", "address", "postcode", "city", "sector")
OFFER_IMPORT_FIELDS = ("kind", "title", "description", "capacity", "hours_per_week", "place", "postcode", "is_open")
EXPORTED_KEY_PREFIX = "brobygger-"


class CompanyIndex:
    """The organisation's companies by CVR number and by name (case-insensitive), for imports."""

    def __init__(self):
        self.by_cvr, self.by_name = {}, {}
        for company in Company.objects.all():
            self.add(company)

    def add(self, company):
        if company.cvr:
            self.by_cvr.setdefault(company.cvr, company)
        self.by_name.setdefault(company.name.casefold(), company)

    def find(self, cvr, name):
        return (cvr and self.by_cvr.get(cvr)) or self.by_name.get(name.casefold())


def _changed(obj, values, fields):
    changed = False
    for name in fields:
        if name in values and getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed = True
    return changed


def _count(summary, created, updated, total):
    summary["created"] += created
    summary["updated"] += updated
    summary["unchanged"] += total - created - updated


def upsert_companies(organisation, rows, on_progress=lambda done: None):
    """Companies from an import, found again by CVR number, else by name. Runs inside the caller's
    transaction; `on_progress(rows done)` after each batch."""
    index = CompanyIndex()
    made = set()
    summary = {"created": 0, "updated": 0, "unchanged": 0}
    for start in range(0, len(rows), BULK_BATCH):
        batch = rows[start : start + BULK_BATCH]
        new, changed = {}, {}
        for values in batch:
            company = index.find(values.get("cvr"), values["name"])
            if company is None:
                company = Company(organisation=organisation, **{k: values.get(k, "") for k in COMPANY_IMPORT_FIELDS})
                index.add(company)
                new[company.pk] = company
            elif company.pk not in made and _changed(company, values, COMPANY_IMPORT_FIELDS):
                changed[company.pk] = company
        Company.objects.bulk_create(new.values(), batch_size=BULK_BATCH)
        Company.objects.bulk_update(changed.values(), COMPANY_IMPORT_FIELDS, batch_size=BULK_BATCH)
        made.update(new)
        _count(summary, len(new), len(changed), len(batch))
        on_progress(start + len(batch))
    return summary


def _offer_by_key(keys):
    found = {o.external_key: o for o in Offer.objects.filter(external_key__in=keys)}
    exported = {k[len(EXPORTED_KEY_PREFIX) :]: k for k in keys if k.startswith(EXPORTED_KEY_PREFIX) and k not in found}
    ids = [int(i) for i in exported if i.isdigit()]
    for offer in Offer.objects.filter(pk__in=ids, external_key=""):
        found[exported[str(offer.pk)]] = offer
    return found


def upsert_offers(organisation, rows, on_progress=lambda done: None):
    """Offers from an import, found again by their key, each with its company (found or made).
    Runs inside the caller's transaction; `on_progress(rows done)` after each batch."""
    index = CompanyIndex()
    new_companies = []
    summary = {"created": 0, "updated": 0, "unchanged": 0}
    for start in range(0, len(rows), BULK_BATCH):
        batch = rows[start : start + BULK_BATCH]
        existing = _offer_by_key([v["external_key"] for v in batch])
        new, changed = [], []
        for values in batch:
            company = index.find(values.get("company_cvr"), values["company_name"])
            if company is None:
                company = Company(
                    organisation=organisation, name=values["company_name"], cvr=values.get("company_cvr", "")
                )
                index.add(company)
                new_companies.append(company)
            offer = existing.get(values["external_key"])
            if offer is None:
                offer = Offer(organisation=organisation, company=company, external_key=values["external_key"])
                _changed(offer, values, OFFER_IMPORT_FIELDS)
                new.append(offer)
                continue
            moved = offer.company_id != company.pk
            offer.company = company
            if _changed(offer, values, OFFER_IMPORT_FIELDS) or moved:
                changed.append(offer)
        Company.objects.bulk_create(new_companies, batch_size=BULK_BATCH)
        new_companies = []
        Offer.objects.bulk_create(new, batch_size=BULK_BATCH)
        Offer.objects.bulk_update(changed, (*OFFER_IMPORT_FIELDS, "company"), batch_size=BULK_BATCH)
        _count(summary, len(new), len(changed), len(batch))
        on_progress(start + len(batch))
    return summary
