from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Membership

kinds.register(Kind.MEMBERSHIP, Membership.objects.all)
