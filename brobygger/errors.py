class Refused(ValueError):
    """A clear, translated reason why a service refused an action. Nothing was written."""
