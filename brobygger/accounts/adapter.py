from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation's staff, never by self sign-up:
    a young person says yes to a pathway first, then gets an account."""

    def is_open_for_signup(self, request):
        return False
