"""Every page carries a Content-Security-Policy that allows no inline script
or style, and no template holds any."""

import re
from pathlib import Path

import pytest

from haven.core.csp import POLICY

pytestmark = pytest.mark.django_db

HAVEN = Path(__file__).resolve().parents[2] / "haven"


@pytest.mark.parametrize(
    "url", ["/", "/people/", "/work/", "/password/", "/api/docs/", "/no-such-page/"]
)
def test_pages_of_a_signed_in_worker_carry_the_policy(client, alice, url):
    client.force_login(alice)
    response = client.get(url)
    assert response["Content-Security-Policy"] == POLICY


@pytest.mark.parametrize("url", ["/sign-in/", "/admin/login/"])
def test_pages_before_sign_in_carry_the_policy(client, url):
    assert client.get(url)["Content-Security-Policy"] == POLICY


def test_the_admin_carries_the_policy(client, adam):
    client.force_login(adam)
    assert client.get("/admin/")["Content-Security-Policy"] == POLICY


def test_the_policy_refuses_inline_script_and_style_and_framing():
    directives = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_no_template_holds_inline_script_style_or_handlers():
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE
    )
    found = [
        f"{path.relative_to(HAVEN)}:{number}"
        for path in HAVEN.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if inline.search(line)
    ]
    assert found == []


def test_the_api_docs_script_is_served_from_its_own_url(client, alice):
    client.force_login(alice)
    page = client.get("/api/docs/").content.decode()
    assert "<style>" not in page
    script_url = re.search(r'<script src="([^"]*\?script[^"]*)"', page)
    assert script_url is not None
    script = client.get(script_url.group(1).replace("&amp;", "&"))
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
