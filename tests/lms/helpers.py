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
