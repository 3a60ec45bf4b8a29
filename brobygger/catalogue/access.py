from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Entry, SelfAssessment

kinds.register(Kind.PUBLIC_CONTENT, Entry.objects.all)
kinds.register(Kind.SELF_ASSESSMENT, SelfAssessment.objects.all)
