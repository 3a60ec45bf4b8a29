from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import ImportBatch

kinds.register(Kind.IMPORT_BATCH, ImportBatch.objects.all)
