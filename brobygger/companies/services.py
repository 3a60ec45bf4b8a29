from django.db import transaction

from .models import Company, CompanyContact, CompanyMentor, ContactLogEntry, Offer


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
def add_mentor(company, user):
    mentor, _ = CompanyMentor.objects.get_or_create(organisation=company.organisation, company=company, user=user)
    return mentor


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
