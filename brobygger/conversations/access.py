from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Note

kinds.register(Kind.NOTE, Note.objects.all, young_person_field="young_person_id")
