from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_files import PhotoField
from lms.text import OneLineModelCharField
from lms.text_size import TextSize
from lms.uploads import RandomName
from lms.validators import validate_image_file


def is_cjk(char: str) -> bool:
    """A CJK ideograph (unified, extension A or compatibility)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
    )


def name_mark(name: str) -> str:
    """What stands for a person without a photo: the first character of a Chinese
    name (the surname: "韩" for 韩利萍), the initials of a Latin one."""
    name = name.strip()
    if not name:
        return ""
    if is_cjk(name[0]):
        return name[0]
    words = [w for w in name.replace(".", " ").split() if w[0].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or name[0].upper()


# Erased accounts keep a tombstone address at this reserved domain (RFC 2606).
ERASED_EMAIL_DOMAIN = "erased.invalid"


class UserManager(BaseUserManager):
    """Users sign in by e-mail; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email and not extra_fields.get("phone"):
            raise ValueError("An e-mail address or a phone number is required.")
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        CHINESE = "zh-hans", "简体中文"

    username = None
    # A worker may join with a mobile number only: then there is no address (NULL,
    # so that many such people stay unique).
    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    # AbstractUser's names, cleaned on save (lms/text.py); the same columns.
    first_name = OneLineModelCharField(_("first name"), max_length=150, blank=True)
    last_name = OneLineModelCharField(_("last name"), max_length=150, blank=True)
    display_name = OneLineModelCharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How your name is shown to others."),
    )
    latin_name = OneLineModelCharField(
        _("name in Latin letters"),
        max_length=80,
        blank=True,
        help_text=_("Optional: your name as written in Latin letters, e.g. Wang Fang."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
    )
    # E.164 (lms.phones), unique when set; sign-in by a code sent to it.
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    phone_verified = models.BooleanField(_("phone verified"), default=False)
    text_size = models.CharField(
        _("text size"),
        max_length=10,
        choices=TextSize.choices,
        default=TextSize.NORMAL,
    )
    # Public (shown beside the name to colleagues), but without EXIF.
    avatar = PhotoField(
        _("avatar"),
        upload_to=RandomName("avatars"),
        blank=True,
        validators=[validate_image_file],
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]
        # The HR certificate board pages its rows by holder name (a LIMIT that
        # walks this index instead of sorting every worker of the enterprise).
        indexes = [models.Index(fields=["display_name", "id"], name="user_name_id")]
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=~models.Q(phone=""),
                name="user_unique_phone",
            ),
            models.CheckConstraint(
                condition=models.Q(email__isnull=False) | ~models.Q(phone=""),
                name="user_email_or_phone",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name()

    @property
    def is_erased(self) -> bool:
        """The person asked for their data to be erased (lms.personal_data)."""
        return (self.email or "").endswith("@" + ERASED_EMAIL_DOMAIN)

    def get_full_name(self) -> str:
        if self.is_erased:
            return str(_("Former member"))
        full = " ".join(p for p in (self.first_name, self.last_name) if p)
        return self.display_name or full or self.email or self.phone

    @property
    def avatar_initials(self) -> str:
        """What an avatar without a photo shows: the first character of a Chinese
        name (the surname), the initials of a Latin one."""
        return name_mark(self.get_full_name().split("@")[0]) or "?"

    def get_short_name(self) -> str:
        if self.is_erased:
            return str(_("Former member"))
        if not self.email:
            return self.display_name or self.first_name or self.phone
        return self.display_name or self.first_name or self.email.split("@")[0]
