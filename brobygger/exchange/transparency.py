"""Uploaded files hold no section of their own (the rows they bring in are shown where they land);
an erased young person's name is taken out of them."""

from brobygger.core.transparency import forgets

from .services import forget_person

forgets(forget_person)
