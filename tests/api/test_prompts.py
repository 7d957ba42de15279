from __future__ import annotations

from datetime import timedelta

from tests.conftest import checkin


def _prompts(client, user, checkin_id=None, **headers):
    url = f"/api/v1/checkins/{checkin_id}/prompts" if checkin_id else "/api/v1/prompts"
    return client.get(url, headers={**user["headers"], **headers})


def kinds(body):
    return [p["kind"] for p in body["prompts"]]


def test_prompts_need_a_partner(client, accounts):
    sam = accounts.register()
    own = checkin(client, sam)
    for response in (_prompts(client, sam), _prompts(client, sam, own["id"])):
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_paired"


def test_prompts_meet_the_partner_s_latest_check_in(client, pair):
    alex, sam = pair("Alex", "Sam")
    checkin(client, sam, tone="tired", energy=4)
    latest = checkin(client, sam, tone="overwhelmed", energy=2, need="to_be_heard")
    mine = checkin(client, alex, tone="excited", energy=9)

    response = _prompts(client, alex)
    assert response.status_code == 200
    body = response.get_json()
    assert body["partner_checkin"]["id"] == latest["id"]
    assert body["my_checkin"]["id"] == mine["id"]
    assert kinds(body) == ["presence", "pace", "reflect", "need", "resist_fixing"]
    reflect = next(p for p in body["prompts"] if p["kind"] == "reflect")
    assert all("overwhelmed" in phrase for phrase in reflect["phrases"])
    pace = next(p for p in body["prompts"] if p["kind"] == "pace")
    assert pace["id"] == "pace.slow_down"
    assert "You're at 9" in pace["text"] and "Sam is at 2" in pace["text"]
    assert {a["id"] for a in body["avoid"]} >= {"avoid.jokes", "avoid.fixing", "avoid.high_energy"}


def test_without_a_recent_partner_check_in_you_are_asked_to_reach_out(client, pair, clock):
    alex, sam = pair()
    checkin(client, sam, tone="sad", energy=2)
    clock.advance(hours=24, minutes=1)
    body = _prompts(client, alex).get_json()
    assert body["partner_checkin"] is None
    assert kinds(body) == ["reach_out"]
    assert body["avoid"] == []


def test_a_private_check_in_never_drives_the_partner_s_prompts(client, pair):
    alex, sam = pair()
    private = checkin(client, sam, tone="angry", energy=9, visibility="private")
    body = _prompts(client, alex).get_json()
    assert body["partner_checkin"] is None
    assert kinds(body) == ["reach_out"]
    assert "angry" not in str(body)
    assert _prompts(client, alex, private["id"]).status_code == 404


def test_your_own_private_check_in_still_tells_you_to_attune_to_yourself(client, pair):
    alex, _ = pair()
    checkin(client, alex, tone="hurt", energy=3, visibility="private")
    body = _prompts(client, alex).get_json()
    assert kinds(body) == ["self_attunement", "reach_out"]


def test_prompts_for_your_own_check_in_are_the_self_attunement_view(client, pair):
    alex, _ = pair()
    own = checkin(client, alex, tone="stressed", energy=7)
    body = _prompts(client, alex, own["id"]).get_json()
    assert body["partner_checkin"] is None
    assert body["my_checkin"]["id"] == own["id"]
    assert kinds(body) == ["self_attunement"]


def test_prompts_for_one_partner_check_in(client, pair, clock):
    alex, sam = pair()
    older = checkin(client, sam, tone="hopeful", energy=7, need="celebration")
    clock.advance(hours=30)
    checkin(client, sam, tone="sad", energy=2)
    body = _prompts(client, alex, older["id"]).get_json()
    assert body["partner_checkin"]["id"] == older["id"]
    assert next(p for p in body["prompts"] if p["kind"] == "pace")["id"] == "pace.join_the_joy"
    assert [p["id"] for p in body["prompts"] if p["kind"] == "need"] == ["need.celebration"]


def test_check_ins_from_before_the_pairing_never_drive_prompts(client, accounts, clock):
    alex, sam = accounts.register("Alex"), accounts.register("Sam")
    before = checkin(client, sam, tone="lonely", energy=2)
    clock.advance(minutes=5)
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    assert _prompts(client, alex).get_json()["partner_checkin"] is None
    assert _prompts(client, alex, before["id"]).status_code == 404


def test_the_same_inputs_give_the_same_prompts_and_an_etag(client, pair):
    alex, sam = pair()
    checkin(client, sam, tone="anxious", energy=8, need="comfort")
    first = _prompts(client, alex)
    again = _prompts(client, alex)
    assert first.get_json() == again.get_json()
    etag = first.headers["ETag"]
    assert _prompts(client, alex, **{"If-None-Match": etag}).status_code == 304


def test_the_prompts_change_when_the_partner_checks_in_again(client, pair, clock):
    alex, sam = pair()
    checkin(client, sam, tone="anxious", energy=8)
    etag = _prompts(client, alex).headers["ETag"]
    clock.advance(minutes=1)
    checkin(client, sam, tone="calm", energy=3)
    response = _prompts(client, alex, **{"If-None-Match": etag})
    assert response.status_code == 200
    assert response.get_json()["partner_checkin"]["tone"] == "calm"


def test_prompts_cost_at_most_four_statements(client, pair, count_statements, clock):
    alex, sam = pair()
    for i in range(30):
        checkin(
            client,
            sam,
            energy=1 + i % 10,
            recorded_at=(clock.current - timedelta(hours=i * 5)).isoformat(),
        )
    counted = count_statements(lambda: _prompts(client, alex))
    assert counted.count <= 4, counted.statements


def test_prompts_for_an_unknown_check_in_are_404(client, pair):
    alex, _ = pair()
    response = _prompts(client, alex, "00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    assert response.get_json()["code"] == "not_found"
