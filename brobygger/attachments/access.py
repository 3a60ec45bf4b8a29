from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Attachment

kinds.register(Kind.ATTACHMENT, Attachment.objects.all, young_person_field="young_person_id")
