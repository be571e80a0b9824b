"""The organisation's list in the console (issue 15 #4): admins only, CSRF on every form, terms
encrypted at rest and never in the audit log, used for every story's suggestions and by the leak
guard at approval and publication, and followed by every process through its change counter."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import httpx
import pytest
from tortoise import connections

from stories_service.models import AuditEvent, OrganisationTerm, PublishedStory, Submission
from stories_service.moderating import organisation_terms as terms
from stories_service.runtime import Runtime
from tests.conftest import Backend
from tests.publishing.conftest import serving
from tests.publishing.factories import make_approved_submission, publish, staff_token
from tests.servers import live_client
from tests.staffing import make_staff, sign_in, submit, to_in_review, to_ready

PAGE = "/staff/admin/terms"


async def _raw_rows(table: str) -> str:
    rows = await connections.get("default").execute_query_dict(f"SELECT * FROM {table}")
    return repr(rows)


async def _ids() -> list[int]:
    return [row.id for row in await OrganisationTerm.all().order_by("id")]


async def test_only_admins_open_the_page_or_change_the_list(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    anonymous = await client.get(PAGE)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/staff/login"
    for role in ("moderator", "editor"):
        member = await make_staff(role)
        token = await sign_in(client, member)
        assert (await client.get(PAGE)).status_code == 403
        added = await client.post(
            PAGE, data={"csrf_token": token, "term": "Kestrel Farm", "kind": "place"}
        )
        assert added.status_code == 403
        nav = (await client.get("/staff")).text
        assert PAGE not in nav
        await client.post("/staff/logout", data={"csrf_token": token})
        client.cookies.clear()
    assert await OrganisationTerm.all().count() == 0
    admin = await make_staff("admin")
    await sign_in(client, admin)
    page = await client.get(PAGE)
    assert page.status_code == 200
    assert f'href="{PAGE}" aria-current="page"' in page.text  # in the admin's navigation


async def test_a_form_without_the_csrf_token_is_refused(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    admin = await make_staff("admin")
    token = await sign_in(client, admin)
    for path, data in (
        (PAGE, {"term": "Kestrel Farm", "kind": "place"}),
        (f"{PAGE}/bulk", {"bulk_terms": "Kestrel Farm", "bulk_kind": "place"}),
        (PAGE, {"term": "Kestrel Farm", "kind": "place", "csrf_token": "forged"}),
    ):
        refused = await client.post(path, data=data)
        assert refused.status_code == 403
    assert await OrganisationTerm.all().count() == 0
    await client.post(PAGE, data={"csrf_token": token, "term": "Kestrel Farm", "kind": "place"})
    (term_id,) = await _ids()
    refused = await client.post(f"{PAGE}/{term_id}/remove")
    assert refused.status_code == 403
    assert await _ids() == [term_id]


async def test_admin_adds_lists_and_removes_terms_encrypted_and_audited_without_text(
    client: httpx.AsyncClient, runtime: Runtime, backend: Backend
) -> None:
    admin = await make_staff("admin")
    token = await sign_in(client, admin)
    added = await client.post(
        PAGE,
        data={
            "csrf_token": token,
            "term": "  Zaatari   Camp ",
            "kind": "place",
            "note": "Quillnote: where the clinic is",
        },
    )
    assert added.status_code == 303 and added.headers["location"] == f"{PAGE}?notice=added"
    page = await client.get(added.headers["location"])
    assert "Zaatari Camp" in page.text and "Quillnote" in page.text and "Term added." in page.text

    bulk = await client.post(
        f"{PAGE}/bulk",
        data={
            "csrf_token": token,
            "bulk_kind": "organisation",
            "bulk_terms": "Hope Bakery\n\nمخبز الأمل\n",
        },
    )
    assert bulk.status_code == 303
    rows = await terms.listed_rows(runtime.cipher)
    assert [(r.term, r.kind, r.note) for r in rows] == [
        ("Zaatari Camp", "place", "Quillnote: where the clinic is"),
        ("Hope Bakery", "organisation", None),
        ("مخبز الأمل", "organisation", None),
    ]
    assert {r.created_by_id for r in rows} == {admin.id}

    # At rest: no clear text in any column of the table or of the audit log.
    stored = await _raw_rows("organisation_terms") + await _raw_rows("audit_events")
    for text in ("Zaatari", "zaatari", "Quillnote", "Hope Bakery", "مخبز", "organisation'"):
        assert text not in stored, text
    events = await AuditEvent.filter(action="organisation_term.add").order_by("id")
    assert [e.data for e in events] == [
        {"term": rows[0].id, "kind": "place"},
        {"term": rows[1].id, "kind": "organisation"},
        {"term": rows[2].id, "kind": "organisation"},
    ]
    assert {e.actor for e in events} == {f"staff:{admin.id}"}

    removed = await client.post(f"{PAGE}/{rows[1].id}/remove", data={"csrf_token": token})
    assert removed.status_code == 303
    assert await _ids() == [rows[0].id, rows[2].id]
    event = await AuditEvent.get(action="organisation_term.remove")
    assert event.data == {"term": rows[1].id, "kind": "organisation"}
    again = await client.post(f"{PAGE}/{rows[1].id}/remove", data={"csrf_token": token})
    assert again.status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"term": "   ", "kind": "place"}, "Write the term."),
        ({"term": "x" * 101, "kind": "place"}, "at most 100 characters"),
        ({"term": "--", "kind": "place"}, "at least one letter or digit"),
        ({"term": "Kestrel", "kind": "village"}, "Choose a kind"),
        ({"term": "Kestrel", "kind": "place", "note": "n" * 301}, "A note can be at most 300"),
        ({"term": "ZAATARI  camp", "kind": "person"}, "on the list already"),
        ({"term": "Zaatarí-Camp", "kind": "place"}, "on the list already"),
    ],
)
async def test_invalid_or_duplicate_terms_are_refused_with_a_clear_error(
    client: httpx.AsyncClient, backend: Backend, data: dict[str, str], message: str
) -> None:
    admin = await make_staff("admin")
    token = await sign_in(client, admin)
    await client.post(PAGE, data={"csrf_token": token, "term": "Zaatari Camp", "kind": "place"})
    refused = await client.post(PAGE, data={"csrf_token": token, **data})
    assert refused.status_code == 422
    assert 'role="alert"' in refused.text and message in refused.text.replace("&#39;", "'")
    assert await OrganisationTerm.all().count() == 1


async def test_a_bulk_add_is_all_or_nothing_and_names_the_line(
    client: httpx.AsyncClient, backend: Backend
) -> None:
    admin = await make_staff("admin")
    token = await sign_in(client, admin)
    refused = await client.post(
        f"{PAGE}/bulk",
        data={"csrf_token": token, "bulk_kind": "place", "bulk_terms": "Kestrel\nMoorhen\nkestrel"},
    )
    assert refused.status_code == 422
    assert "Line 3: This term is twice in the list you sent." in refused.text
    assert "Moorhen" in refused.text  # the lines are given back to correct
    assert await OrganisationTerm.all().count() == 0
    await client.post(PAGE, data={"csrf_token": token, "term": "Moorhen", "kind": "place"})
    refused = await client.post(
        f"{PAGE}/bulk",
        data={"csrf_token": token, "bulk_kind": "place", "bulk_terms": "Kestrel\nMOORHEN"},
    )
    assert (
        refused.status_code == 422 and "Line 2: This term is on the list already." in refused.text
    )
    assert await OrganisationTerm.all().count() == 1


async def test_suggestions_and_the_leak_guard_use_the_list(
    client: httpx.AsyncClient, runtime: Runtime, backend: Backend
) -> None:
    """A word the engine alone lets through ("balcony" in the standard revision) is suggested as
    a place once listed, approval is refused, and so is publication."""
    moderator = await make_staff("moderator")
    created = await submit(client)
    sid = created["id"]
    await to_ready(client, moderator, sid, created["receipt_code"])

    def balcony(found: list[dict[str, object]]) -> list[dict[str, object]]:
        return [s for s in found if str(s["text"]).lower() == "balcony"]

    before = await client.get(f"/api/v1/submissions/{sid}/suggestions", headers=moderator.headers)
    assert before.status_code == 200 and balcony(before.json()["suggestions"]) == []

    admin = await make_staff("admin", password=None)
    await terms.add_terms(admin.id, [("Balcony", "place", "")], runtime.cipher, "k" * 32)
    after = await client.get(f"/api/v1/submissions/{sid}/suggestions", headers=moderator.headers)
    (found,) = balcony(after.json()["suggestions"])
    assert found["kind"] == "place" and found["detector"] == "organisation_list"

    editor = await make_staff("editor")
    refused = await client.post(f"/api/v1/submissions/{sid}/approve", headers=editor.headers)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "leak_guard"
    assert (await Submission.get(id=sid)).state == "ready"

    story = await make_approved_submission(
        runtime.cipher, body="<p>We slept on the balcony of the school.</p>"
    )
    token = await staff_token("editor")
    refused = await publish(client, token, story.id)
    assert refused.status_code == 409
    findings = refused.json()["error"]["findings"]
    listed = [(f["kind"], f["part"]) for f in findings if "organisation's list" in f["reason"]]
    assert listed == [("place", "summary"), ("place", "body")]  # "Mint on a balcony, ..."
    assert await PublishedStory.all().count() == 0


async def test_the_list_is_cached_until_its_counter_moves(
    client: httpx.AsyncClient, runtime: Runtime, backend: Backend
) -> None:
    cipher = runtime.cipher
    assert await terms.organisation_list(cipher) == ()
    await terms.add_terms(1, [("Kestrel", "place", "")], cipher, "k" * 32)
    first = await terms.organisation_list(cipher)
    assert [t.term for t in first] == ["Kestrel"]
    assert await terms.organisation_list(cipher) is first  # no reload while the counter stands
    # Another worker's change: a row and a counter bump written behind this process's back.
    row = await OrganisationTerm.create(
        term_hash="f" * 64, term_enc=b"", kind_enc=b"", created_at=datetime.now(UTC)
    )
    await OrganisationTerm.filter(id=row.id).update(
        term_enc=cipher.seal_column("Moorhen", "organisation_terms", "term", row.id),
        kind_enc=cipher.seal_column("person", "organisation_terms", "kind", row.id),
    )
    assert await terms.organisation_list(cipher) is first  # not seen before the counter moves
    connection = connections.get("default")
    await terms._bump(connection)
    assert sorted(t.term for t in await terms.organisation_list(cipher)) == ["Kestrel", "Moorhen"]


async def test_another_process_uses_a_term_as_soon_as_it_is_added(
    client: httpx.AsyncClient,
    runtime: Runtime,
    backend: Backend,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Two processes on one database: the list added here is used by a uvicorn worker that had
    already read (and cached) the list without it."""
    moderator = await make_staff("moderator")
    created = await submit(client)
    sid = created["id"]
    await to_in_review(client, moderator, sid)
    settings = runtime.settings
    key = base64.urlsafe_b64encode(settings.encryption_keys[0]).decode().rstrip("=")
    env = {
        "STORIES_ENCRYPTION_KEY": key,
        "STORIES_SECRET_KEY": settings.secret_key,
        "STORIES_REDACTION_WARM_UP": "start",  # it asks for suggestions: warm once ready
    }
    with serving(backend, tmp_path_factory.mktemp("terms"), **env) as url:
        async with live_client(base_url=url, timeout=60) as other:
            path = f"/api/v1/submissions/{sid}/suggestions"

            async def places() -> list[str]:
                answer = await other.get(path, headers=moderator.headers)
                assert answer.status_code == 200, answer.text
                found = answer.json()["suggestions"]
                return [str(s["text"]) for s in found if s["detector"] == "organisation_list"]

            assert await places() == []
            await terms.add_terms(1, [("mint", "other", "")], runtime.cipher, settings.secret_key)
            assert await places() == ["mint"]
            (term_id,) = await _ids()
            await terms.remove_term(1, term_id, runtime.cipher)
            assert await places() == []
