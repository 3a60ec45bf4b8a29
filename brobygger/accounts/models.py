import secrets

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in. What they may do comes from their memberships
    (tenancy.Membership), never from flags on this row."""

    username = None  # type: ignore[assignment]  # the address is the login
    email = models.EmailField(_("e-mail address"), unique=True)
    # Changes when the user's two-step login changes, which ends every other session (ASVS 7.4.3).
    session_stamp = models.CharField(max_length=32, blank=True, default="", editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()  # type: ignore[misc,assignment]  # one without a username

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_session_auth_hash(self):
        """Django refuses a session whose hash no longer matches: a new password or stamp ends it."""
        key_salt = "brobygger.accounts.User.get_session_auth_hash"
        return salted_hmac(key_salt, self.password + self.session_stamp, algorithm="sha256").hexdigest()

    def renew_session_stamp(self):
        self.session_stamp = secrets.token_hex(16)
        self.save(update_fields=["session_stamp"])

    @property
    def display_name(self):
        return self.get_full_name() or self.email
