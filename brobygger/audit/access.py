from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import AccessLog

kinds.register(Kind.ACCESS_LOG, AccessLog.objects.all)
