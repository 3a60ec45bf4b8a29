from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import FollowUpContact, StatusCheck

kinds.register(Kind.FOLLOWUP_CONTACT, FollowUpContact.objects.all, young_person_field="young_person_id")
kinds.register(Kind.STATUS_CHECK, StatusCheck.objects.all, young_person_field="young_person_id")
