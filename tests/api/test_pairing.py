from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import select

from models import Couple, CoupleMember, Invite, db

CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")


def _invite(client, user) -> dict:
    response = client.post("/api/v1/invites", headers=user["headers"])
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _redeem(client, user, code):
    return client.post("/api/v1/couple", json={"code": code}, headers=user["headers"])


def test_an_invite_has_a_crockford_code_that_expires_in_48_hours(client, accounts, clock):
    alex = accounts.register("Alex")
    invite = _invite(client, alex)
    assert CODE_SHAPE.match(invite["code"])
    assert datetime.fromisoformat(invite["expires_at"]) == clock.current + timedelta(hours=48)


def test_the_creator_sees_the_same_code_again(client, accounts):
    alex = accounts.register("Alex")
    invite = _invite(client, alex)
    response = client.get("/api/v1/invites/current", headers=alex["headers"])
    assert response.status_code == 200
    assert response.get_json() == invite


def test_without_an_invite_current_is_404(client, accounts):
    alex = accounts.register("Alex")
    response = client.get("/api/v1/invites/current", headers=alex["headers"])
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"


def test_a_new_invite_replaces_the_old_one(client, accounts):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    old = _invite(client, alex)
    new = _invite(client, alex)
    assert old["code"] != new["code"]
    assert client.get("/api/v1/invites/current", headers=alex["headers"]).get_json() == new
    assert _redeem(client, sam, old["code"]).get_json()["code"] == "invite_invalid"
    assert _redeem(client, sam, new["code"]).status_code == 201


def test_redeeming_pairs_both_and_shows_the_partner(client, accounts):
    alex = accounts.register("Alex", timezone="Europe/Berlin")
    sam = accounts.register("Sam", timezone="America/Los_Angeles")
    code = _invite(client, alex)["code"]

    response = _redeem(client, sam, code)
    assert response.status_code == 201
    couple = response.get_json()
    assert couple["partner"] == {
        "id": alex["user"]["id"],
        "display_name": "Alex",
        "timezone": "Europe/Berlin",
    }
    from_alex = client.get("/api/v1/couple", headers=alex["headers"]).get_json()
    assert from_alex["id"] == couple["id"]
    assert from_alex["paired_at"] == couple["paired_at"]
    assert from_alex["partner"]["display_name"] == "Sam"
    for user in (alex, sam):
        assert (
            client.get("/api/v1/me", headers=user["headers"]).get_json()["couple_id"]
            == (couple["id"])
        )


def test_codes_are_accepted_in_any_case_without_hyphen_and_with_look_alikes(client, accounts):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = _invite(client, alex)["code"]
    typed = " ".join(code.replace("-", "").lower()).replace("0", "o").replace("1", "l")
    assert _redeem(client, sam, typed).status_code == 201


def test_a_redeemed_code_cannot_be_used_again(client, accounts):
    alex, sam, kim = accounts.register("Alex"), accounts.register("Sam"), accounts.register("Kim")
    code = _invite(client, alex)["code"]
    assert _redeem(client, sam, code).status_code == 201
    response = _redeem(client, kim, code)
    assert response.status_code == 404
    assert response.get_json()["code"] == "invite_invalid"


def test_an_expired_code_is_invalid(client, accounts, clock):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = _invite(client, alex)["code"]
    clock.advance(hours=48)
    response = _redeem(client, sam, code)
    assert response.status_code == 404
    assert response.get_json()["code"] == "invite_invalid"
    assert client.get("/api/v1/invites/current", headers=alex["headers"]).status_code == 404


def test_a_code_just_before_expiry_still_works(client, accounts, clock):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = _invite(client, alex)["code"]
    clock.advance(hours=47, minutes=59)
    assert _redeem(client, sam, code).status_code == 201


def test_a_withdrawn_code_is_invalid(client, accounts):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    code = _invite(client, alex)["code"]
    assert client.delete("/api/v1/invites/current", headers=alex["headers"]).status_code == 204
    assert client.get("/api/v1/invites/current", headers=alex["headers"]).status_code == 404
    response = _redeem(client, sam, code)
    assert response.status_code == 404
    assert response.get_json()["code"] == "invite_invalid"


def test_unknown_and_malformed_codes_get_the_same_answer(client, accounts):
    sam = accounts.register("Sam")
    answers = [
        _redeem(client, sam, code).get_json() for code in ("ZZZZZ-ZZZZZ", "hello", "12345-6789U")
    ]
    assert all(a == answers[0] for a in answers)
    assert answers[0]["code"] == "invite_invalid"


def test_redeeming_your_own_code_is_own_invite(client, accounts):
    alex = accounts.register("Alex")
    response = _redeem(client, alex, _invite(client, alex)["code"])
    assert response.status_code == 409
    assert response.get_json()["code"] == "own_invite"


def test_a_paired_user_cannot_redeem_or_create_invites(client, pair, accounts):
    alex, sam = pair()
    kim = accounts.register("Kim")
    code = _invite(client, kim)["code"]
    response = _redeem(client, sam, code)
    assert response.status_code == 409
    assert response.get_json()["code"] == "already_paired"
    response = client.post("/api/v1/invites", headers=alex["headers"])
    assert response.status_code == 409
    assert response.get_json()["code"] == "already_paired"


def test_the_code_of_someone_who_paired_since_is_withdrawn(client, accounts):
    alex, sam, kim = accounts.register("Alex"), accounts.register("Sam"), accounts.register("Kim")
    alex_code = _invite(client, alex)["code"]
    # Alex pairs with Kim by redeeming Kim's code; that withdrew Alex's own code.
    assert _redeem(client, alex, _invite(client, kim)["code"]).status_code == 201
    response = _redeem(client, sam, alex_code)
    assert response.status_code == 404
    assert response.get_json()["code"] == "invite_invalid"


def test_unpaired_get_couple_is_not_paired(client, accounts):
    sam = accounts.register("Sam")
    response = client.get("/api/v1/couple", headers=sam["headers"])
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_paired"
    response = client.delete("/api/v1/couple", headers=sam["headers"])
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_paired"


def test_unpairing_ends_the_couple_for_both_and_keeps_the_history(client, pair, app):
    alex, sam = pair()
    assert client.delete("/api/v1/couple", headers=sam["headers"]).status_code == 204
    for user in (alex, sam):
        assert client.get("/api/v1/couple", headers=user["headers"]).status_code == 404
        assert client.get("/api/v1/me", headers=user["headers"]).get_json()["couple_id"] is None
    with app.app_context():
        couple = db.session.scalars(select(Couple)).one()
        assert couple.ended_at is not None
        members = db.session.scalars(select(CoupleMember)).all()
        assert len(members) == 2 and not any(m.active for m in members)


def test_re_pairing_the_same_two_people_needs_a_new_invite_and_starts_a_new_couple(client, pair):
    alex, sam = pair()
    client.delete("/api/v1/couple", headers=alex["headers"])
    code = _invite(client, alex)["code"]
    response = _redeem(client, sam, code)
    assert response.status_code == 201
    assert response.get_json()["id"] != alex["couple_id"]


def test_pairing_withdraws_the_redeemer_s_own_live_invite(client, accounts, app):
    eve, fay, gus = accounts.register("Eve"), accounts.register("Fay"), accounts.register("Gus")
    old_code = _invite(client, eve)["code"]
    assert _redeem(client, eve, _invite(client, fay)["code"]).status_code == 201
    client.delete("/api/v1/couple", headers=eve["headers"])
    # Eve's code from before would pair her with whoever has it, without her doing anything.
    response = _redeem(client, gus, old_code)
    assert response.status_code == 404
    assert response.get_json()["code"] == "invite_invalid"
    assert client.get("/api/v1/invites/current", headers=eve["headers"]).status_code == 404
    assert client.get("/api/v1/couple", headers=eve["headers"]).status_code == 404
    with app.app_context():
        live = db.session.scalars(
            select(Invite).where(Invite.used_at.is_(None), Invite.withdrawn_at.is_(None))
        ).all()
    assert live == []


def test_pairing_withdraws_every_live_invite_of_both_partners(client, accounts, app):
    eve, fay = accounts.register("Eve"), accounts.register("Fay")
    _invite(client, fay)
    assert _redeem(client, fay, _invite(client, eve)["code"]).status_code == 201
    with app.app_context():
        invites = db.session.scalars(select(Invite)).all()
        states = sorted(
            ("used" if i.used_at else "withdrawn" if i.withdrawn_at else "live") for i in invites
        )
    assert states == ["used", "withdrawn"]


def test_the_database_holds_no_plain_invite_code(client, accounts, app):
    alex = accounts.register("Alex")
    code = _invite(client, alex)["code"]
    plain = {code, code.replace("-", ""), code.lower(), code.replace("-", "").lower()}
    with app.app_context():
        rows = db.session.execute(select(Invite.__table__)).mappings().all()
    assert len(rows) == 1
    for value in rows[0].values():
        assert not any(p in str(value) for p in plain), value


def test_redeem_rejects_nul_and_unknown_fields(client, accounts):
    sam = accounts.register("Sam")
    response = client.post("/api/v1/couple", json={"code": "AB\u0000"}, headers=sam["headers"])
    assert response.status_code == 422
    response = client.post(
        "/api/v1/couple", json={"code": "ABCDE-12345", "couple_id": "x"}, headers=sam["headers"]
    )
    assert response.status_code == 422
    assert "couple_id" in response.get_json()["errors"]


def test_pairing_needs_a_token(client):
    for method, path in [
        ("post", "/api/v1/invites"),
        ("get", "/api/v1/invites/current"),
        ("delete", "/api/v1/invites/current"),
        ("get", "/api/v1/couple"),
        ("delete", "/api/v1/couple"),
    ]:
        assert getattr(client, method)(path).status_code == 401, path
    assert client.post("/api/v1/couple", json={"code": "x"}).status_code == 401


def test_redeeming_is_limited_per_user_and_per_address(make_app):
    from tests.conftest import Accounts

    app = make_app(
        RATELIMIT_ENABLED=True, RATELIMIT_REDEEM="2 per hour", RATELIMIT_REDEEM_ADDRESS="3 per hour"
    )
    client = app.test_client()
    accounts = Accounts(client)
    sam, kim = accounts.register("Sam"), accounts.register("Kim")

    def redeem(user, address):
        return client.post(
            "/api/v1/couple",
            json={"code": "ZZZZZ-ZZZZZ"},
            headers=user["headers"],
            environ_base={"REMOTE_ADDR": address},
        )

    assert [redeem(sam, "10.0.0.1").status_code for _ in range(2)] == [404, 404]
    limited = redeem(sam, "10.0.0.2")
    assert limited.status_code == 429
    assert limited.get_json()["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) > 0
    assert redeem(kim, "10.0.0.1").status_code == 404
    assert redeem(kim, "10.0.0.1").status_code == 429  # the address's 3 per hour are spent


def test_creating_invites_is_limited_per_user(make_app):
    from tests.conftest import Accounts

    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_INVITE="2 per day")
    client = app.test_client()
    alex = Accounts(client).register("Alex")
    statuses = [
        client.post("/api/v1/invites", headers=alex["headers"]).status_code for _ in range(3)
    ]
    assert statuses == [201, 201, 429]
