from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Attention

kinds.register(Kind.ATTENTION, Attention.objects.all, young_person_field="young_person_id")
