"""The API against hostile or careless clients: docs served without any other host, the bearer
scheme declared, a body that is not JSON answered 400, corrections checked against the ontology."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.store import Store
from tests.test_api import PROTEST, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "api.duckdb")
    with Store(path) as store:
        store.add(extract(SourceDocument(text=PROTEST), "fr"))
    with TestClient(create_app(path, TOKEN)) as test_client:
        yield test_client


def test_docs_load_nothing_from_another_host(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    linked = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*["']([^"']+)["']""", page.text)
    urls = [a or b for a, b in linked]
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls), urls
    assert "http://" not in page.text and "https://" not in page.text
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get("/redoc").status_code == 404  # ReDoc would load its script from a CDN


def test_openapi_declares_the_bearer_scheme_on_writes(client):
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert [s for s in schemes.values() if s == {**s, "type": "http", "scheme": "bearer"}]
    name = next(iter(schemes))
    assert schema["paths"]["/documents"]["post"]["security"] == [{name: []}]
    assert schema["paths"]["/events/{event_id}"]["patch"]["security"] == [{name: []}]
    assert "security" not in schema["paths"]["/events"]["get"]


@pytest.mark.parametrize("body", [b"not json", b'{"text": "cut', b"\xff\xfe"])
def test_a_body_that_is_not_json_is_400(client, body):
    for method, path in (("POST", "/documents"), ("PATCH", "/events/x")):
        answer = client.request(method, path, content=body, headers={**AUTH, "Content-Type": "application/json"})
        assert answer.status_code == 400, (method, answer.text)
    assert client.post("/documents", json={"text": 3}, headers=AUTH).status_code == 422  # JSON, wrong shape


def test_a_type_correction_updates_cameo_and_quad_and_a_bad_mode_is_400(client):
    protest = client.get("/events", params={"type": "PROTEST"}).json()["items"][0]
    bad = client.patch(f"/events/{protest['id']}", json={"mode": "<script>alert(1)</script>"}, headers=AUTH)
    assert bad.status_code == 400 and "is not a mode of PROTEST" in bad.json()["detail"]
    fixed = client.patch(f"/events/{protest['id']}", json={"event": "CONSULT", "mode": "visit"}, headers=AUTH).json()
    assert (fixed["event"], fixed["cameo"], fixed["quad"]) == ("CONSULT", "042", 1)
    listed = client.get("/events", params={"type": "CONSULT"}).json()["items"]
    assert [(e["cameo"], e["quad"]) for e in listed if e["id"] == protest["id"]] == [("042", 1)]


def test_a_type_filter_in_lower_case_is_the_type(client):
    upper = client.get("/events", params={"type": "CONSULT"}).json()
    lower = client.get("/events", params={"type": "consult"})
    assert lower.status_code == 200 and lower.json() == upper
    assert client.get("/events", params={"type": "Consult"}).status_code == 422


def test_a_page_with_no_text_is_not_stored(client):
    before = client.get("/").json()["documents"]
    answer = client.post("/documents", json={"html": "<html><body><nav>Home</nav></body></html>"}, headers=AUTH)
    assert answer.status_code == 201 and answer.json()["stored"] is False
    assert "no text left after cleaning: not stored" in answer.json()["warnings"]
    assert client.get("/").json()["documents"] == before


@pytest.mark.parametrize("cleared", [None, "none"])
def test_an_aux_mode_is_cleared_with_null_or_none(client, cleared):
    event = client.get("/events").json()["items"][0]
    assert client.patch(f"/events/{event['id']}", json={"aux": "historical"}, headers=AUTH).json()["aux"] == "historical"
    answer = client.patch(f"/events/{event['id']}", json={"aux": cleared}, headers=AUTH)
    assert answer.status_code == 200 and answer.json()["aux"] is None
