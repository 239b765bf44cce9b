"""Bank-statement imports over REST: upload, preview, change, commit, discard; category rules; errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.services.csv_import import MAX_FILE_BYTES
from wheels_wins.settings import get_settings

URL = "/api/v1/imports"
RULES = "/api/v1/category-rules"
STATEMENT = (
    b"Date,Description,Amount,Balance\n"
    b"03/03/2026,VISA PURCHASE WOOLWORTHS 1234 DUBBO AU,-45.20,1000.00\n"
    b"04/03/2026,EFTPOS BP DUBBO,-80.00,920.00\n"
    b"05/03/2026,SALARY ACME,2500.00,3420.00\n"
    b"32/13/2026,MYSTERY,-1.00,3419.00\n"
    b"06/03/2026,CAFE MOCHA,(5.50),3413.50\n"
)


async def _upload(client: httpx.AsyncClient, who: Account, content: bytes = STATEMENT, name: str = "march.csv") -> Any:
    return await client.post(URL, files={"file": (name, content, "text/csv")}, headers=who.headers)


async def _draft(client: httpx.AsyncClient, who: Account, content: bytes = STATEMENT) -> dict[str, Any]:
    response = await _upload(client, who, content)
    assert response.status_code == 201, response.text
    return response.json()


async def test_upload_previews_without_saving(client: httpx.AsyncClient, alice: Account) -> None:
    draft = await _draft(client, alice)
    assert draft["filename"] == "march.csv"
    assert draft["detected"] == {
        "delimiter": ",",
        "encoding": "utf-8",
        "date_format": "%d/%m/%Y",
        "date_format_label": "DD/MM/YYYY",
        "has_header": True,
        "header_line": 1,
    }
    assert draft["mapping"] == {
        "date": 0, "description": 1, "amount": 2, "debit": None, "credit": None, "merchant": None,
        "category": None, "expense_sign": "negative",
    }  # fmt: skip
    assert draft["columns"] == ["Date", "Description", "Amount", "Balance"]
    first = draft["rows"][0]
    assert {k: first[k] for k in ("line", "date", "description", "merchant", "amount", "category", "duplicate")} == {
        "line": 2,
        "date": "2026-03-03",
        "description": "VISA PURCHASE WOOLWORTHS 1234 DUBBO AU",
        "merchant": "WOOLWORTHS DUBBO",
        "amount": "45.20",
        "category": "groceries",
        "duplicate": False,
    }
    assert (first["skipped_reason"], first["error"], first["include"]) == (None, None, True)
    by_line = {row["line"]: row for row in draft["rows"]}
    assert by_line[4]["skipped_reason"] == "credit" and by_line[4]["amount"] == "2500.00"
    assert by_line[5]["error"] == "Line 5: '32/13/2026' is not a date (expected DD/MM/YYYY)"
    assert by_line[6]["amount"] == "5.50"
    assert draft["counts"] == {
        "total": 5, "to_import": 3, "duplicates": 0, "credits": 1, "errors": 1, "zero": 0, "excluded": 0,
    }  # fmt: skip
    assert (await client.get("/api/v1/expenses", headers=alice.headers)).json()["total"] == 0


async def test_preview_again_with_row_paging(client: httpx.AsyncClient, alice: Account) -> None:
    draft = await _draft(client, alice)
    again = await client.get(f"{URL}/{draft['id']}", headers=alice.headers)
    assert again.status_code == 200 and again.json() == draft
    page = (await client.get(f"{URL}/{draft['id']}", params={"offset": 1, "limit": 2}, headers=alice.headers)).json()
    assert [row["line"] for row in page["rows"]] == [3, 4] and page["counts"]["total"] == 5
    listed = (await client.get(URL, headers=alice.headers)).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == draft["id"]
    assert listed["items"][0]["size_bytes"] == len(STATEMENT)


async def test_full_flow_upload_patch_commit_then_the_list_shows_them(
    client: httpx.AsyncClient, alice: Account
) -> None:
    draft = await _draft(client, alice, b"Date,Description,Amount\n03/04/2026,Coffee,-4.50\n04/05/2026,Diesel,-90.00\n")
    patched = await client.patch(
        f"{URL}/{draft['id']}",
        json={"date_format": "%m/%d/%Y", "categories": {"2": "groceries"}},
        headers=alice.headers,
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["detected"]["date_format"] == "%m/%d/%Y"
    assert [(r["date"], r["category"], r["category_source"]) for r in body["rows"]] == [
        ("2026-03-04", "groceries", "chosen"),
        ("2026-04-05", "fuel", "inferred"),
    ]
    committed = await client.post(f"{URL}/{draft['id']}/commit", json={}, headers=alice.headers)
    assert committed.status_code == 200, committed.text
    assert committed.json() == {"imported": 2, "skipped": 0, "duplicates": 0, "rules_learned": 1}
    listed = (await client.get("/api/v1/expenses", headers=alice.headers)).json()
    assert [(e["date"], e["amount"], e["category"], e["source"]) for e in listed["items"]] == [
        ("2026-04-05", "90.00", "fuel", "import"),
        ("2026-03-04", "4.50", "groceries", "import"),
    ]
    assert_error(await client.get(f"{URL}/{draft['id']}", headers=alice.headers), 404, "not_found")
    rules = (await client.get(RULES, headers=alice.headers)).json()
    assert [(r["keyword"], r["category"]) for r in rules["items"]] == [("coffee", "groceries")]
    again = await _draft(client, alice, b"Date,Description,Amount\n2026-03-04,COFFEE,-4.50\n")
    assert again["rows"][0]["duplicate"] is True and again["counts"]["to_import"] == 0


async def test_commit_with_exclusions_inclusions_and_no_body(client: httpx.AsyncClient, alice: Account) -> None:
    content = b"Date,Description,Amount\n01/03/2026,Pie,-6.00\n01/03/2026,Pie,-6.00\n02/03/2026,Tea,-3.00\n"
    draft = await _draft(client, alice, content)
    assert [r["duplicate"] for r in draft["rows"]] == [False, True, False]
    body = {"exclude_lines": [4], "include_lines": [3], "categories": {"2": "groceries"}}
    result = (await client.post(f"{URL}/{draft['id']}/commit", json=body, headers=alice.headers)).json()
    assert result == {"imported": 2, "skipped": 1, "duplicates": 0, "rules_learned": 1}
    bare = await _draft(client, alice, b"Date,Description,Amount\n05/03/2026,Tea,-3.00\n")
    response = await client.post(f"{URL}/{bare['id']}/commit", headers=alice.headers)
    assert response.status_code == 200 and response.json()["imported"] == 1


async def test_commit_onto_a_trip(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    body = {"title": "Loop", "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}
    trip = (await client.post("/api/v1/trips", json=body, headers=alice.headers)).json()
    bobs = (await client.post("/api/v1/trips", json=body, headers=bob.headers)).json()
    draft = await _draft(client, alice)
    assert_error(
        await client.post(f"{URL}/{draft['id']}/commit", json={"trip_id": bobs["id"]}, headers=alice.headers),
        422,
        mentions="trip_id",
    )
    done = await client.post(f"{URL}/{draft['id']}/commit", json={"trip_id": trip["id"]}, headers=alice.headers)
    assert done.status_code == 200
    listed = (await client.get("/api/v1/expenses", params={"trip_id": trip["id"]}, headers=alice.headers)).json()
    assert listed["total"] == 3


async def test_discard(client: httpx.AsyncClient, alice: Account) -> None:
    draft = await _draft(client, alice)
    response = await client.delete(f"{URL}/{draft['id']}", headers=alice.headers)
    assert response.status_code == 204 and response.content == b""
    assert_error(await client.delete(f"{URL}/{draft['id']}", headers=alice.headers), 404, "not_found")
    assert (await client.get(URL, headers=alice.headers)).json() == {"items": [], "total": 0}


@pytest.mark.parametrize(
    ("content", "status", "code", "mentions"),
    [
        (b"x" * (MAX_FILE_BYTES + 1), 413, "file_too_large", "file: The file is 5.0 MB; the limit is 5 MB"),
        (b"", 422, "empty_file", "file: The file is empty"),
        (bytes(range(256)) * 4, 422, "not_csv", "file: This is not a text file"),
        (b"%PDF-1.4 statement", 422, "not_csv", "PDF"),
        (b"Date,Description,Amount\n", 422, "no_transactions", "file:"),
        (b"Name,Age\nBob,42\n", 422, "no_dates", "No column holds dates"),
    ],
)
async def test_unusable_uploads(
    client: httpx.AsyncClient, alice: Account, content: bytes, status: int, code: str, mentions: str
) -> None:
    assert_error(await _upload(client, alice, content), status, code, mentions)
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 0


async def test_upload_needs_a_file(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await client.post(URL, headers=alice.headers), 422, "validation_error", "file")
    assert_error(
        await client.post(URL, data={"other": "x"}, headers=alice.headers), 422, "validation_error", "file: is required"
    )


@pytest.mark.parametrize(
    ("body", "code", "mentions"),
    [
        ({"mapping": {"amount": 9}}, "invalid_mapping", "mapping.amount: there is no column 9"),
        ({"mapping": {"amount": -1}}, "validation_error", "mapping.amount"),
        ({"mapping": {"debit": 3}}, "invalid_mapping", "mapping.amount: choose either"),
        ({"date_format": "dd/mm"}, "invalid_setting", "date_format"),
        ({"delimiter": "x"}, "invalid_setting", "delimiter"),
        ({"categories": {"2": "spaceships"}}, "validation_error", "categories.2"),
        ({"categories": {"99": "dining"}}, "unknown_line", "categories.99"),
        ({"exclude_lines": ["x"]}, "validation_error", "exclude_lines"),
        ({"exclude_lines": [1]}, "unknown_line", "exclude_lines: line 1"),
    ],
)
async def test_invalid_changes_are_422_naming_the_field(
    client: httpx.AsyncClient, alice: Account, body: dict[str, Any], code: str, mentions: str
) -> None:
    draft = await _draft(client, alice)
    assert_error(await client.patch(f"{URL}/{draft['id']}", json=body, headers=alice.headers), 422, code, mentions)
    assert (await client.get(f"{URL}/{draft['id']}", headers=alice.headers)).json() == draft


async def test_another_users_draft_is_404(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    draft = await _draft(client, alice)
    item = f"{URL}/{draft['id']}"
    assert_error(await client.get(item, headers=bob.headers), 404, "not_found")
    assert_error(await client.patch(item, json={"has_header": False}, headers=bob.headers), 404, "not_found")
    assert_error(await client.post(f"{item}/commit", json={}, headers=bob.headers), 404, "not_found")
    assert_error(await client.delete(item, headers=bob.headers), 404, "not_found")
    assert (await client.get(URL, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.get(f"{URL}/not-a-uuid", headers=alice.headers), 404, "not_found")
    assert (await client.get(item, headers=alice.headers)).json() == draft


async def test_everything_needs_a_token(client: httpx.AsyncClient) -> None:
    some = "00000000-0000-4000-8000-000000000000"
    calls = [
        ("POST", URL),
        ("GET", URL),
        ("GET", f"{URL}/{some}"),
        ("PATCH", f"{URL}/{some}"),
        ("POST", f"{URL}/{some}/commit"),
        ("DELETE", f"{URL}/{some}"),
        ("GET", RULES),
        ("POST", RULES),
        ("DELETE", f"{RULES}/{some}"),
        ("GET", "/api/v1/expenses/export"),
    ]
    for method, url in calls:
        assert_error(await client.request(method, url), 401, "not_authenticated")


async def test_category_rules(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    created = await client.post(
        RULES, json={"keyword": " Woolworths ", "category": "supermarket"}, headers=alice.headers
    )
    assert created.status_code == 201, created.text
    rule = created.json()
    assert (rule["keyword"], rule["category"]) == ("woolworths", "groceries")
    changed = (
        await client.post(RULES, json={"keyword": "WOOLWORTHS", "category": "shopping"}, headers=alice.headers)
    ).json()
    assert changed["id"] == rule["id"] and changed["category"] == "shopping"
    assert (await client.get(RULES, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.delete(f"{RULES}/{rule['id']}", headers=bob.headers), 404, "not_found")
    draft = await _draft(client, alice)
    assert draft["rows"][0]["category"] == "shopping" and draft["rows"][0]["category_source"] == "rule"
    assert (await client.delete(f"{RULES}/{rule['id']}", headers=alice.headers)).status_code == 204
    assert (await client.get(RULES, headers=alice.headers)).json()["total"] == 0


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({"keyword": "x", "category": "fuel"}, "keyword"),
        ({"keyword": "!!", "category": "fuel"}, "keyword: must have at least 2 letters"),
        ({"keyword": "nasa", "category": "rockets"}, "category"),
        ({"category": "fuel"}, "keyword: is required"),
    ],
)
async def test_invalid_rules_are_422(
    client: httpx.AsyncClient, alice: Account, body: dict[str, Any], mentions: str
) -> None:
    assert_error(await client.post(RULES, json=body, headers=alice.headers), 422, mentions=mentions)


async def test_changes_are_rate_limited_per_user(
    client: httpx.AsyncClient, alice: Account, bob: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "rate_limits_enabled", True)
    item = f"{URL}/00000000-0000-4000-8000-000000000000"
    for _ in range(30):
        assert_error(await client.patch(item, json={}, headers=alice.headers), 404)
    assert_error(await _upload(client, alice), 429, "rate_limited")
    assert (await _upload(client, bob)).status_code == 201


async def test_openapi_documents_the_routes(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    upload = spec["paths"]["/api/v1/imports"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert upload["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith("ImportPreviewOut")
    assert "413" in upload["responses"]
    commit = spec["paths"]["/api/v1/imports/{import_id}/commit"]["post"]
    assert commit["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("ImportResult")
    assert set(spec["paths"]["/api/v1/category-rules"]) == {"get", "post"}
    export = spec["paths"]["/api/v1/expenses/export"]["get"]
    assert "text/csv" in export["responses"]["200"]["content"]
    assert {p["name"] for p in export["parameters"]} == {"start", "end", "category", "trip_id", "q"}
