from brobygger.access import kinds
from brobygger.access.rules import Kind

from .models import PlanStep

kinds.register(Kind.PLAN_STEP, PlanStep.objects.all, young_person_field="young_person_id")
