from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import Community, Group, Meeting

kinds.register(Kind.GROUP, Group.objects.all)
kinds.register(Kind.MEETING, Meeting.objects.all)
kinds.register(Kind.COMMUNITY, Community.objects.all)
