"""The REST API: reads with filters and pagination, token-guarded writes, oversized bodies, and
schemathesis checking every operation against the server's own OpenAPI schema."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from dateline.api import create_app
from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.store import Store

TOKEN = "s3cret-token-for-tests"
PROTEST = ("LYON, 5 février 2025 (AFP) - Quelque 2000 enseignants ont manifesté mercredi à Lyon contre la réforme.\n\n"
           "La police a fait usage de gaz lacrymogène et six personnes ont été interpellées.")
VISIT = ("BAKOU, 9 mai 2025, ARMENPRESS: Le ministre des Affaires étrangères de la République d'Azerbaïdjan, "
         "Rauf Essai, a eu un entretien à Ankara avec le ministre des Affaires étrangères de la République de "
         "Turquie, Kemal Essai.")
OTHER = ("MADRID, 3 mars 2025 (AFP) - Des centaines d'agriculteurs ont manifesté lundi à Madrid contre la hausse "
         "du prix du gazole.")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "api.duckdb")
    with Store(path) as store:
        store.add_many([extract(SourceDocument(text=t), "fr") for t in (PROTEST, VISIT)])
    return path


@pytest.fixture(scope="module")
def client(database):
    with TestClient(create_app(database, TOKEN, max_body=20_000)) as test_client:
        yield test_client


def test_reads_with_filters_and_pages(client):
    about = client.get("/").json()
    assert about["documents"] == 2 and about["writable"] is True
    page = client.get("/events", params={"limit": 1}).json()
    assert page["total"] == about["events"] >= 3 and len(page["items"]) == 1
    second = client.get("/events", params={"limit": 1, "offset": 1}).json()["items"][0]
    assert second["id"] != page["items"][0]["id"]
    consult = client.get("/events", params={"type": "CONSULT", "country": "TUR"}).json()["items"]
    assert [(e["actor_countries"], e["recipient_countries"], e["location"]) for e in consult] == [
        (["AZE"], ["TUR"], "Ankara")]
    detail = client.get(f"/events/{consult[0]['id']}").json()
    span = detail["evidence"][0]
    document = client.get(f"/documents/{detail['document_id']}").json()
    assert document["document"]["text"][span["start"]:span["end"]] == span["text"]
    assert [s["document_id"] for s in detail["sources"]] == [detail["document_id"]]
    assert client.get("/events", params={"since": "2025-05-01"}).json()["total"] == 1
    assert client.get("/events/none").status_code == 404
    assert client.get("/documents/none").status_code == 404


def test_statistics_actors_and_places(client):
    timeline = client.get("/stats/timeline", params={"by": "month"}).json()
    assert {row["key"] for row in timeline} == {"2025-02", "2025-05"}
    dyads = {(d["actor"], d["recipient"]): d for d in client.get("/stats/dyads").json()}
    assert dyads[("AZE", "TUR")]["cooperative"] == 1
    assert {a["country"] for a in client.get("/actors", params={"name": "Rauf"}).json()} == {"AZE"}
    assert "TUR" in {a["country"] for a in client.get("/actors").json() if a["as_recipient"]}
    assert "Lyon" in {p["name"] for p in client.get("/places").json()}
    assert client.get("/schema/record").json()["title"]


@pytest.mark.parametrize("query", [{"type": "RIOT"}, {"since": "5/2/2025"}, {"limit": 5000}, {"aux": "maybe"},
                                   {"near": "north"}, {"country": "France"}])
def test_bad_query_values_are_client_errors(client, query):
    assert client.get("/events", params=query).status_code == 422


def test_writes_need_the_token(database, client):
    assert client.post("/documents", json={"text": OTHER}).status_code == 401
    assert client.post("/documents", json={"text": OTHER},
                       headers={"Authorization": "Bearer wrong-token"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = client.post("/documents", json={"text": OTHER}, headers=auth)
    assert created.status_code == 201 and created.json()["stored"] and created.json()["events"] >= 1
    assert not client.post("/documents", json={"text": OTHER}, headers=auth).json()["stored"]  # idempotent
    madrid = client.get("/events", params={"text": "agriculteurs"}).json()["items"][0]
    patched = client.patch(f"/events/{madrid['id']}", json={"aux": "historical", "note": "it was last year"},
                           headers=auth)
    assert patched.status_code == 200 and patched.json()["aux"] == "historical"
    assert patched.json()["corrections"][0]["note"] == "it was last year"
    assert client.patch(f"/events/{madrid['id']}", json={"mode": "demo"}).status_code == 401
    with TestClient(create_app(database)) as read_only:
        assert read_only.post("/documents", json={"text": OTHER}, headers=auth).status_code == 403
        assert read_only.get("/").json()["writable"] is False


def test_oversized_bodies_are_refused(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/documents", json={"text": "x" * 30_000}, headers=auth).status_code == 413

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(30):
            yield b"x" * 1000

    response = client.post("/documents", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413


# schemathesis parametrizes at collection time: the app is built on an empty store then, and
# filled with stories before its first example runs.
FUZZED = create_app(str(Path(tempfile.mkdtemp(prefix="dateline-api-")) / "fuzz.duckdb"), TOKEN)
schema = schemathesis.openapi.from_asgi("/openapi.json", FUZZED)


@pytest.fixture(scope="module")
def fuzzed_store():
    store = FUZZED.state.store
    if not store.counts()["documents"]:
        store.add_many([extract(SourceDocument(text=t), "fr") for t in (PROTEST, VISIT)])
    return store


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_to_its_own_schema(case, fuzzed_store):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})  # the writes too, not only their 401
