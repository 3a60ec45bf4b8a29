from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Review

kinds.register(Kind.REVIEW, Review.objects.all)
