from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest

from tests.conftest import checkin


def _prompts(client, user, checkin_id=None, headers=None, **query):
    url = f"/api/v1/checkins/{checkin_id}/prompts" if checkin_id else "/api/v1/prompts"
    return client.get(url, query_string=query, headers={**user["headers"], **(headers or {})})


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
    # Brief, the default: their need leads, then reflect and pace; one phone screen.
    assert kinds(body) == ["need", "reflect", "pace"]
    assert body["prompts"][0]["id"] == "need.to_be_heard"
    assert body["prompts"][0]["signals"] == ["need:to_be_heard"]
    reflect = next(p for p in body["prompts"] if p["kind"] == "reflect")
    assert "overwhelmed" in reflect["text"] + " ".join(reflect["phrases"])
    pace = next(p for p in body["prompts"] if p["kind"] == "pace")
    assert pace["id"] == "pace.slow_down"
    assert {"energy_gap", "clash"} <= set(pace["signals"])
    assert "9" in pace["text"] and "2" in pace["text"]
    assert all(p["variant"].startswith(p["id"] + "/") for p in body["prompts"])
    assert all(len(p["phrases"]) <= 2 for p in body["prompts"])
    assert len(body["avoid"]) <= 3
    assert {a["id"] for a in body["avoid"]} <= {
        "avoid.jokes",
        "avoid.fixing",
        "avoid.high_energy",
        "avoid.minimising",
        "avoid.about_you",
    }


def test_full_detail_adds_presence_and_resisting_the_fix(client, pair):
    alex, sam = pair("Alex", "Sam")
    checkin(client, sam, tone="overwhelmed", energy=2, need="to_be_heard")
    body = _prompts(client, alex, detail="full").get_json()
    assert kinds(body) == ["need", "reflect", "pace", "presence", "resist_fixing"]


def test_together_wordings_differ_from_apart_ones_and_apart_is_the_default(client, pair):
    alex, sam = pair("Alex", "Sam")
    checkin(client, sam, tone="sad", energy=3)
    default = _prompts(client, alex, detail="full").get_json()
    apart = _prompts(client, alex, detail="full", setting="apart").get_json()
    together = _prompts(client, alex, detail="full", setting="together").get_json()
    assert default == apart
    assert [p["variant"] for p in apart["prompts"]] != [p["variant"] for p in together["prompts"]]


@pytest.mark.parametrize("query", ["detail=short", "setting=home", "detail=", "mood=1"])
def test_unknown_prompt_options_are_refused(client, pair, query):
    alex, _ = pair()
    response = client.get(f"/api/v1/prompts?{query}", headers=alex["headers"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error"


def test_the_partner_s_note_and_late_hour_lead_the_first_prompt_about_them(client, accounts):
    from datetime import UTC, datetime

    from tests.conftest import Clock

    alex = accounts.register("Alex", timezone="Europe/Berlin")
    sam = accounts.register("Sam", timezone="Asia/Tokyo")
    code = client.post("/api/v1/invites", headers=alex["headers"]).get_json()["code"]
    client.post("/api/v1/couple", json={"code": code}, headers=sam["headers"])
    # 14:30 UTC is 23:30 in Tokyo, an afternoon in Berlin.
    client.application.config["CLOCK"] = Clock(datetime(2026, 12, 1, 14, 30, tzinfo=UTC))
    checkin(client, sam, tone="sad", energy=2, note="Long day at the hospital.")
    body = _prompts(client, alex).get_json()
    first = body["prompts"][0]
    assert {"note", "late_for_partner"} <= set(first["signals"])
    for prompt in body["prompts"]:
        assert all(len(phrase.split()) <= 12 for phrase in prompt["phrases"])
    assert "Long day" not in str(body["prompts"])


def test_consecutive_check_ins_never_repeat_a_card_s_wording(client, pair, clock):
    alex, sam = pair()
    seen = []
    for _ in range(10):
        clock.advance(minutes=10)
        checkin(client, sam, tone="sad", energy=3)
        body = _prompts(client, alex, detail="full").get_json()
        seen.append({p["kind"]: p["variant"] for p in body["prompts"]})
    for before, after in pairwise(seen):
        assert all(before[kind] != after[kind] for kind in before.keys() & after.keys())
    for kind in seen[0]:
        assert len({wordings[kind] for wordings in seen}) >= 5


def test_three_low_heavy_days_in_a_row_bring_a_support_prompt(client, pair, clock):
    alex, sam = pair()
    for _ in range(3):
        checkin(client, sam, tone="sad", energy=2)
        clock.advance(days=1)
    checkin_today = checkin(client, sam, tone="numb", energy=1)
    body = _prompts(client, alex).get_json()
    assert body["partner_checkin"]["id"] == checkin_today["id"]
    assert "support" in kinds(body)
    assert "hard_stretch" in next(p for p in body["prompts"] if p["kind"] == "support")["signals"]


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
    # Hurt at 3 is not settle-first: brief leaves the gentler self-attunement to full.
    assert kinds(_prompts(client, alex).get_json()) == ["reach_out"]
    body = _prompts(client, alex, detail="full").get_json()
    assert kinds(body) == ["self_attunement", "reach_out"]


def test_a_flooded_caller_is_told_to_settle_first(client, pair):
    alex, sam = pair()
    checkin(client, sam, tone="calm", energy=5)
    checkin(client, alex, tone="angry", energy=9)
    body = _prompts(client, alex).get_json()
    assert kinds(body)[0] == "self_attunement"
    assert "settle_first" in body["prompts"][0]["signals"]
    assert not any("too" in p["text"].split() for p in body["prompts"])


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
    assert _prompts(client, alex, headers={"If-None-Match": etag}).status_code == 304


def test_the_prompts_change_when_the_partner_checks_in_again(client, pair, clock):
    alex, sam = pair()
    checkin(client, sam, tone="anxious", energy=8)
    etag = _prompts(client, alex).headers["ETag"]
    clock.advance(minutes=1)
    checkin(client, sam, tone="calm", energy=3)
    response = _prompts(client, alex, headers={"If-None-Match": etag})
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
