"""Journey: Open Badges credentials. The certification officer downloads two
demo credentials (Liu Xia's valid certificate and the demo's revoked one) from
their certificate pages; then anyone, on a phone in Chinese, uploads on the
verification page a genuine, a tampered and a revoked credential and reads the
three verdicts; the genuine one once more in English."""

import json
import os
import re
import sqlite3

import pytest

from tests.e2e.conftest import sign_in, tab_to

pytestmark = pytest.mark.e2e

OFFICER = "officer@demo.craftskills.cn"
HOLDER = "liu.xia@demo.craftskills.cn"


def certificate(where: str, *args) -> tuple[int, str]:
    """(id, number) of the demo certificate matching ``where`` (SQL)."""
    path = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(
            "SELECT c.id, c.number FROM lms_skillcertificate c "
            f"JOIN lms_user u ON u.id = c.holder_id WHERE {where} LIMIT 1",
            args,
        ).fetchone()


def download_credential(page, journey, pk: int, number: str, tmp_path) -> dict:
    page.goto(f"/zh-hans/certificates/{pk}/")
    link = page.get_by_role("link", name="下载凭证（.json）")
    journey.check(page, f"certificate-{number}", chinese=True)
    with page.expect_download() as info:
        link.click()
    target = tmp_path / f"{number}.json"
    info.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def upload(page, path) -> None:
    field = page.get_by_label(re.compile("^(凭证文件|Credential file)"))
    field.set_input_files(str(path))
    button = page.get_by_role("button", name=re.compile("^(检查文件|Check the file)$"))
    tab_to(page, button)
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")


def verdict(page) -> tuple[str, str]:
    box = page.locator("[data-verdict]")
    status = page.locator("[data-status]")
    return (
        box.get_attribute("data-verdict"),
        status.get_attribute("data-status") if status.count() else "",
    )


def test_anyone_can_tell_genuine_tampered_and_revoked_credentials(
    browser, journey, tmp_path
):
    officer = browser.new_context(base_url=os.environ["E2E_BASE_URL"])
    page = officer.new_page()
    sign_in(page, OFFICER)
    valid_pk, valid_number = certificate("u.email = ? AND NOT c.revoked", HOLDER)
    revoked_pk, revoked_number = certificate("c.revoked")
    genuine = download_credential(page, journey, valid_pk, valid_number, tmp_path)
    revoked = download_credential(page, journey, revoked_pk, revoked_number, tmp_path)
    officer.close()
    assert genuine["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert genuine["proof"]["cryptosuite"] == "eddsa-rdfc-2022"

    tampered = json.loads(json.dumps(genuine))
    tampered["credentialSubject"]["licenseNumber"] = valid_number[:-1] + (
        "8" if valid_number[-1] != "8" else "9"
    )
    files = {}
    for name, document in (
        ("genuine", genuine),
        ("tampered", tampered),
        ("revoked", revoked),
    ):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    visitor = browser.new_context(
        base_url=os.environ["E2E_BASE_URL"], viewport={"width": 360, "height": 800}
    )
    page = visitor.new_page()
    page.goto("/zh-hans/verify/")
    journey.check(page, "verify-form", chinese=True)

    upload(page, files["genuine"])
    assert verdict(page) == ("genuine", "valid")
    assert page.get_by_text("真实且未被改动").is_visible()
    assert page.get_by_text(valid_number).is_visible()
    journey.check(page, "verdict-genuine", chinese=True)

    upload(page, files["tampered"])
    assert verdict(page) == ("tampered", "")
    assert page.get_by_text("签发后被改动").is_visible()
    journey.check(page, "verdict-tampered", chinese=True)

    upload(page, files["revoked"])
    assert verdict(page) == ("genuine", "revoked")
    assert page.locator("[data-status]").inner_text() == "已撤销"
    assert page.get_by_text("但该证书已不再有效：已撤销。").is_visible()
    journey.check(page, "verdict-revoked", chinese=True)

    page.goto("/verify/")
    upload(page, files["genuine"])
    assert verdict(page) == ("genuine", "valid")
    assert page.get_by_text("Genuine and unchanged").is_visible()
    journey.check(page, "verdict-genuine-english")
    visitor.close()
