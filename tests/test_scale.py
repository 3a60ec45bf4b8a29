"""`manage.py seed_scale`: the generated data set has the sizes it promises, in bulk, once."""

import io
from datetime import date, timedelta

from django.core.management import call_command
from django_scopes import scopes_disabled

from brobygger.companies.models import Company, Offer
from brobygger.conversations.models import Note
from brobygger.demo.scale import SCALES
from brobygger.followup.models import FollowUpContact
from brobygger.people.models import TeamMember, YoungPerson
from brobygger.staircase.models import Attendance
from brobygger.tenancy.models import Organisation


def test_the_small_data_set_has_its_sizes_and_loads_once(db):
    out = io.StringIO()
    call_command("seed_scale", "--scale", "small", stdout=out)
    size = SCALES["small"]
    with scopes_disabled():
        assert Organisation.objects.filter(slug__startswith="scale-small-").count() == size.organisations
        assert YoungPerson.objects.count() == size.young_people
        assert TeamMember.objects.count() == size.young_people  # everyone has a counsellor
        assert Company.objects.count() == size.companies and Offer.objects.count() == size.offers
        assert Note.objects.count() == size.notes
        assert FollowUpContact.objects.count() == size.followup_contacts
        assert Attendance.objects.count() == size.attendance
        # Past contacts are mostly done, as in a working team; one plan in ten is behind.
        past = FollowUpContact.objects.filter(due_on__lt=date.today() - timedelta(days=7))
        overdue = past.filter(done_on__isnull=True).count()
        assert 0 < overdue <= past.count() // 5
    assert "rows in" in out.getvalue()
    again = io.StringIO()
    call_command("seed_scale", "--scale", "small", stdout=again)
    assert again.getvalue().strip() == "The small data set is already loaded; nothing to do."
    with scopes_disabled():
        assert YoungPerson.objects.count() == size.young_people
