def give_totp(user):
    """Registers an authenticator app for the user, as if they had set it up."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    return user


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF (pypdf's extraction)."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_fonts(data: bytes, tmp_path) -> list[list[str]]:
    """The rows of poppler's ``pdffonts`` for a PDF (it must be installed: make
    installs poppler-utils); each row ends with emb, sub, uni, object, generation."""
    import shutil
    import subprocess

    assert shutil.which("pdffonts"), "pdffonts (poppler-utils) is not installed"
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def policy_disagreements(policy, users: dict) -> tuple[list, int]:
    """Where a policy's two answers differ: for every action, every user (role name
    -> user) and every record of its model, the record is in the queryset exactly
    when the instance check says yes, and an action the user may not do at all
    gives an empty queryset. Returns (disagreements, number of checks); each
    check reads the user afresh, as a new request would (no cached roles)."""
    records = list(policy.model._default_manager.all())
    assert records, policy.model
    wrong, checked = [], 0
    for action in policy.actions():
        for role, user in users.items():
            if getattr(user, "pk", None) is not None:
                user = type(user).objects.get(pk=user.pk)
            queryset = set(
                policy.instances_user_has_permission_for(user, action).values_list(
                    "pk", flat=True
                )
            )
            answers = {
                r.pk
                for r in records
                if policy.user_has_permission_for_instance(user, action, r)
            }
            if answers != queryset:
                wrong.append((policy.model.__name__, action, role))
            if queryset and not policy.user_has_permission(user, action):
                wrong.append((policy.model.__name__, action, role, "no permission"))
            checked += 1
    return wrong, checked
