"""Other apps react to the pathway without the pathway knowing them."""

from django.dispatch import Signal

# sent inside the transaction that added the entry: actor, young_person, entry
status_changed = Signal()
# sent inside the transaction that ended the pathway: actor, young_person, pathway
pathway_ended = Signal()
