"""The daily question: both answer, then both see (API.md, "The daily question")."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from api.questions.bank import BY_ID, QUESTIONS
from api.questions.choice import ROTATION
from models import CoupleQuestion, Notification, QuestionAnswer, db
from tests.conftest import PASSWORD

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
TODAY = "2026-11-30"


def today(client, user, **headers):
    response = client.get("/api/v1/questions/today", headers={**user["headers"], **headers})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def put_answer(client, user, question_id, text):
    return client.put(
        f"/api/v1/questions/{question_id}/answer", json={"text": text}, headers=user["headers"]
    )


def answer(client, user, question_id, text):
    response = put_answer(client, user, question_id, text)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def unpair(client, user):
    assert client.delete("/api/v1/couple", headers=user["headers"]).status_code == 204


def repair(client, inviter, redeemer):
    code = client.post("/api/v1/invites", headers=inviter["headers"]).get_json()["code"]
    response = client.post("/api/v1/couple", json={"code": code}, headers=redeemer["headers"])
    assert response.status_code == 201


@pytest.fixture
def couple(pair, clock):
    clock.current = NOON
    return pair("Alex", "Sam")


# --- GET /questions/today -------------------------------------------------------------


def test_both_partners_get_one_question_of_the_date_with_nobody_answered(client, couple, app):
    alex, sam = couple
    mine, theirs = today(client, alex), today(client, sam)
    assert mine == theirs
    assert mine == {
        "id": mine["id"],
        "date": TODAY,
        "question": {
            "id": mine["question"]["id"],
            "text": BY_ID[mine["question"]["id"]].text,
            "depth": BY_ID[mine["question"]["id"]].depth.value,
        },
        "my_answer": None,
        "partner_answered": False,
        "partner_answer": None,
    }
    assert mine["question"]["depth"] in {"light", "warm", "deep"}
    with app.app_context():
        (row,) = db.session.scalars(select(CoupleQuestion)).all()
        assert str(row.id) == mine["id"] and str(row.couple_id) == alex["couple_id"]
        assert row.date == date(2026, 11, 30)


def test_the_question_stays_the_same_all_day_and_changes_with_the_date(client, couple, clock):
    alex, _ = couple
    clock.current = NOON.replace(hour=0, minute=0, second=1)
    morning = today(client, alex)
    clock.current = NOON.replace(hour=23, minute=59, second=59)
    assert today(client, alex) == morning
    clock.advance(seconds=1)
    tomorrow = today(client, alex)
    assert tomorrow["date"] == "2026-12-01" and tomorrow["id"] != morning["id"]
    assert tomorrow["question"]["id"] != morning["question"]["id"]


def test_each_partner_sees_the_question_of_their_own_local_date(client, pair, clock):
    clock.current = NOON  # 02:00 on Dec 1 in Kiritimati (+14), 01:00 on Nov 30 in Pago Pago (-11)
    alex, sam = pair(
        "Alex", "Sam", first_timezone="Pacific/Kiritimati", second_timezone="Pacific/Pago_Pago"
    )
    ahead, behind = today(client, alex), today(client, sam)
    assert (ahead["date"], behind["date"]) == ("2026-12-01", "2026-11-30")
    assert ahead["id"] != behind["id"]
    clock.advance(days=1)  # Sam reaches Dec 1: the question Alex saw
    assert today(client, sam)["id"] == ahead["id"]


def test_the_date_is_the_callers_local_date_not_utcs(client, pair, clock):
    clock.current = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)  # 00:30 on Dec 1 in Berlin
    alex, _ = pair("Alex", "Sam", first_timezone="Europe/Berlin")
    assert today(client, alex)["date"] == "2026-12-01"


def test_the_unpaired_get_not_paired_from_every_question_operation(client, accounts):
    kim = accounts.register("Kim")
    for response in (
        client.get("/api/v1/questions/today", headers=kim["headers"]),
        client.get("/api/v1/questions", headers=kim["headers"]),
        put_answer(client, kim, uuid.uuid4(), "hello"),
    ):
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_paired"
        assert response.mimetype == "application/problem+json"


def test_todays_question_sends_an_etag_and_honours_if_none_match(client, couple):
    alex, sam = couple
    first = client.get("/api/v1/questions/today", headers=alex["headers"])
    etag = first.headers["ETag"]
    again = client.get(
        "/api/v1/questions/today", headers={**alex["headers"], "If-None-Match": etag}
    )
    assert again.status_code == 304 and again.get_data() == b""
    answer(client, sam, first.get_json()["id"], "Sam's words")
    changed = client.get(
        "/api/v1/questions/today", headers={**alex["headers"], "If-None-Match": etag}
    )
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert changed.get_json()["partner_answered"] is True


def test_question_texts_say_their_language(client, couple):
    alex, _ = couple
    response = client.get(
        "/api/v1/questions/today", headers={**alex["headers"], "Accept-Language": "de"}
    )
    assert response.headers["Content-Language"] == "de"
    assert "Accept-Language" in response.headers["Vary"]
    english = client.get("/api/v1/questions/today", headers=alex["headers"])
    assert english.headers["Content-Language"] == "en"


# --- choosing: no repeats until the bank is used up ---------------------------------------


def test_a_couple_walks_the_whole_bank_before_any_question_repeats(client, couple, clock):
    alex, sam = couple
    n = len(QUESTIONS)
    seen = []
    for day in range(n + 3):
        asker = alex if day % 2 else sam  # whoever opens the app first that day
        seen.append(today(client, asker)["question"]["id"])
        clock.advance(days=1)
    assert len(set(seen[:n])) == n == len(BY_ID)
    assert seen[n] in seen[:n] and len(set(seen[n:])) == 3  # a new round
    depths = [BY_ID[q].depth for q in seen]
    assert depths[:6] == list(ROTATION) * 2


def test_the_same_two_get_no_repeats_across_their_pairings(client, couple, clock):
    alex, sam = couple
    seen = [today(client, alex)["question"]["id"]]
    for _ in range(3):
        unpair(client, alex)
        repair(client, sam, alex)
        seen.append(today(client, sam)["question"]["id"])  # the same day, a new pairing
        clock.advance(days=1)
        seen.append(today(client, alex)["question"]["id"])
    assert len(set(seen)) == len(seen)


def test_a_new_pairing_starts_with_no_answers_and_its_own_question(client, couple):
    alex, sam = couple
    old = today(client, alex)
    answer(client, alex, old["id"], "alex in the first pairing")
    answer(client, sam, old["id"], "sam in the first pairing")
    unpair(client, sam)
    repair(client, alex, sam)
    new = today(client, sam)
    assert new["id"] != old["id"] and new["date"] == old["date"]
    assert (new["my_answer"], new["partner_answered"], new["partner_answer"]) == (None, False, None)
    listed = client.get("/api/v1/questions", headers=alex["headers"]).get_json()
    assert [item["id"] for item in listed["items"]] == [new["id"]]


# --- PUT /questions/{id}/answer ------------------------------------------------------------


def test_answer_yours_to_see_theirs(client, couple, clock):
    alex, sam = couple
    question_id = today(client, alex)["id"]
    clock.advance(minutes=5)
    mine = answer(client, alex, question_id, "When you made tea without asking.")
    assert mine["id"] == question_id and mine["date"] == TODAY
    assert mine["my_answer"] == {
        "text": "When you made tea without asking.",
        "answered_at": "2026-11-30T12:05:00+00:00",
    }
    assert (mine["partner_answered"], mine["partner_answer"]) == (False, None)

    before = today(client, sam)
    assert before["partner_answered"] is True
    assert before["partner_answer"] is None and before["my_answer"] is None
    listed = client.get("/api/v1/questions", headers=sam["headers"]).get_json()["items"][0]
    assert listed["partner_answered"] is True and listed["partner_answer"] is None

    clock.advance(minutes=5)
    theirs = answer(client, sam, question_id, "Your note on the fridge.")
    assert theirs["partner_answer"] == mine["my_answer"]
    assert theirs["my_answer"]["text"] == "Your note on the fridge."
    after = today(client, alex)
    assert after["partner_answer"] == {
        "text": "Your note on the fridge.",
        "answered_at": "2026-11-30T12:10:00+00:00",
    }
    assert after["my_answer"] == mine["my_answer"]


def test_an_answer_changes_until_the_partner_answers_then_it_locks(client, couple, clock, app):
    alex, sam = couple
    question_id = today(client, alex)["id"]
    first = answer(client, alex, question_id, "first thought")
    clock.advance(minutes=3)
    changed = answer(client, alex, question_id, "second thought")
    assert changed["my_answer"] == {
        "text": "second thought",
        "answered_at": "2026-11-30T12:00:00+00:00",
    }
    assert first["my_answer"]["answered_at"] == changed["my_answer"]["answered_at"]
    answer(client, sam, question_id, "sam's")

    for who, text in ((alex, "third thought"), (sam, "sam changed")):
        response = put_answer(client, who, question_id, text)
        assert response.status_code == 409
        assert response.get_json()["code"] == "answer_locked"
    replay = answer(client, alex, question_id, "second thought")  # a retry of what is stored
    assert replay["my_answer"]["text"] == "second thought"
    with app.app_context():
        rows = {a.text: a.changed_at for a in db.session.scalars(select(QuestionAnswer)).all()}
    assert rows == {"second thought": NOON + timedelta(minutes=3), "sam's": None}


def test_yesterdays_question_still_takes_an_answer_and_older_ones_are_closed(client, couple, clock):
    alex, sam = couple
    monday = today(client, alex)
    clock.advance(days=1)
    late = answer(client, sam, monday["id"], "written late, sent from the train")
    assert late["date"] == TODAY and late["id"] == monday["id"]
    assert late["question"] == monday["question"]
    clock.advance(days=1)
    closed = put_answer(client, alex, monday["id"], "too late")
    assert closed.status_code == 409 and closed.get_json()["code"] == "question_closed"
    changed = put_answer(client, sam, monday["id"], "changed too late")
    assert changed.status_code == 409 and changed.get_json()["code"] == "question_closed"


def test_yesterday_and_today_are_the_callers_own(client, pair, clock):
    clock.current = NOON  # Dec 1 for Alex (+14), Nov 30 for Sam (-11)
    alex, sam = pair(
        "Alex", "Sam", first_timezone="Pacific/Kiritimati", second_timezone="Pacific/Pago_Pago"
    )
    sams = today(client, sam)  # Nov 30
    alexs = today(client, alex)  # Dec 1
    clock.advance(days=1)  # Dec 2 for Alex, Dec 1 for Sam
    closed = put_answer(client, alex, sams["id"], "two days ago, for me")
    assert closed.status_code == 409 and closed.get_json()["code"] == "question_closed"
    assert answer(client, sam, sams["id"], "yesterday, for me")["date"] == "2026-11-30"
    assert answer(client, alex, alexs["id"], "yesterday, for me")["date"] == "2026-12-01"


def test_a_question_dated_after_the_callers_today_is_not_theirs_yet(client, pair, clock):
    clock.current = NOON
    alex, sam = pair(
        "Alex", "Sam", first_timezone="Pacific/Kiritimati", second_timezone="Pacific/Pago_Pago"
    )
    ahead = today(client, alex)  # Dec 1, while it is Nov 30 for Sam
    response = put_answer(client, sam, ahead["id"], "not my day yet")
    assert response.status_code == 404 and response.get_json()["code"] == "not_found"
    listed = client.get("/api/v1/questions", headers=sam["headers"]).get_json()["items"]
    assert ahead["id"] not in [item["id"] for item in listed]


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   \n\t "},
        {"text": "x" * 1001},
        {"text": "nul \x00 inside"},
        {"text": None},
        {"text": 42},
        {},
        {"text": "fine", "mood": "sneaky"},
    ],
    ids=["empty", "blank", "too-long", "nul", "null", "number", "missing", "unknown-field"],
)
def test_an_answer_is_text_of_1_to_1000_characters(client, couple, app, body):
    alex, _ = couple
    question_id = today(client, alex)["id"]
    response = client.put(
        f"/api/v1/questions/{question_id}/answer", json=body, headers=alex["headers"]
    )
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error" and response.get_json()["errors"]
    with app.app_context():
        assert db.session.scalars(select(QuestionAnswer)).all() == []


def test_an_answer_of_exactly_1000_characters_is_kept_whole(client, couple):
    alex, _ = couple
    text = "é" * 999 + "?"
    assert answer(client, alex, today(client, alex)["id"], text)["my_answer"]["text"] == text


def test_a_question_of_another_couple_is_404_and_unchanged(client, couple, pair, app):
    alex, sam = couple
    theirs = today(client, alex)
    kim, _ = pair("Kim", "Lee")
    for question_id in (theirs["id"], str(uuid.uuid4())):
        response = put_answer(client, kim, question_id, "let me in")
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_found"
    with app.app_context():
        assert db.session.scalars(select(QuestionAnswer)).all() == []
    assert today(client, sam)["partner_answered"] is False


def test_an_ex_partner_cannot_answer_or_see_the_old_pairings_questions(client, couple):
    alex, sam = couple
    old = today(client, alex)
    answer(client, sam, old["id"], "sam's words from before")
    unpair(client, alex)
    response = put_answer(client, alex, old["id"], "still here?")
    assert response.status_code == 404 and response.get_json()["code"] == "not_paired"
    repair(client, alex, sam)  # together again: the old pairing's question stays behind
    response = put_answer(client, alex, old["id"], "still here?")
    assert response.status_code == 404 and response.get_json()["code"] == "not_found"
    text = client.get("/api/v1/questions", headers=alex["headers"]).get_data(as_text=True)
    assert "sam's words from before" not in text and old["id"] not in text


# --- GET /questions ------------------------------------------------------------------------


def test_the_list_is_the_pairings_questions_newest_first_a_page_at_a_time(client, couple, clock):
    alex, sam = couple
    ids = []
    for day in range(5):
        question = today(client, alex)
        ids.append(question["id"])
        if day % 2 == 0:
            answer(client, alex, question["id"], f"alex day {day}")
        if day != 4:
            answer(client, sam, question["id"], f"sam day {day}")
        clock.advance(days=1)
    clock.advance(days=-1)

    pages, cursor = [], None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(f"/api/v1/questions{query}", headers=sam["headers"])
        assert response.status_code == 200
        page = response.get_json()
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [len(p) for p in pages] == [2, 2, 1]
    items = [item for page in pages for item in page]
    assert [item["id"] for item in items] == ids[::-1]
    assert [item["date"] for item in items] == [f"2026-12-0{d}" for d in (4, 3, 2, 1)] + [TODAY]
    by_date = {item["date"]: item for item in items}
    assert by_date["2026-12-04"]["my_answer"] is None  # today: Sam has not answered
    assert by_date["2026-12-04"]["partner_answered"] is True
    assert by_date["2026-12-04"]["partner_answer"] is None
    assert by_date["2026-12-03"]["partner_answered"] is False
    assert by_date["2026-12-02"]["partner_answer"]["text"] == "alex day 2"
    for item in items:
        assert item["question"]["text"] == BY_ID[item["question"]["id"]].text


def test_the_list_shows_todays_question_once_someone_opened_it(client, couple):
    alex, sam = couple
    assert client.get("/api/v1/questions", headers=sam["headers"]).get_json() == {
        "items": [],
        "next_cursor": None,
    }
    question = today(client, alex)
    listed = client.get("/api/v1/questions", headers=sam["headers"]).get_json()
    assert listed == {"items": [question], "next_cursor": None}


@pytest.mark.parametrize(
    "query",
    [
        "?limit=0",
        "?limit=101",
        "?limit=ten",
        "?limit=99999999999999999999",
        "?cursor=garbage!",
        "?cursor=Zm9vOmJhcg",  # base64 of "foo:bar"
        "?cursor=",
        "?since=2026-11-01",
    ],
)
def test_the_list_refuses_what_it_does_not_know_with_422(client, couple, query):
    alex, _ = couple
    response = client.get(f"/api/v1/questions{query}", headers=alex["headers"])
    assert response.status_code == 422, query
    assert response.get_json()["code"] == "validation_error" and response.get_json()["errors"]


# --- the push to the partner ---------------------------------------------------------------


def _pushes(app):
    with app.app_context():
        return db.session.scalars(
            select(Notification)
            .where(Notification.kind.like("question%"))
            .order_by(Notification.created_at)
        ).all()


def test_a_first_answer_tells_the_partner_without_the_answer(client, couple, app, clock):
    alex, sam = couple
    question = today(client, alex)
    answer(client, sam, question["id"], "my secret words")
    (push,) = _pushes(app)
    assert str(push.user_id) == alex["user"]["id"]
    assert push.kind == "question_answered" and push.status == "pending"
    assert push.title == "Today's question"
    assert push.body == "Sam answered today's question — answer yours to see theirs"
    assert push.data == {"type": "question_answered", "question_id": question["id"], "date": TODAY}
    clock.advance(minutes=1)
    answer(client, sam, question["id"], "my changed secret words")  # a change tells no one
    assert len(_pushes(app)) == 1

    clock.advance(minutes=1)
    answer(client, alex, question["id"], "alex's words")
    first, second = _pushes(app)
    assert str(second.user_id) == sam["user"]["id"]
    assert second.kind == "question_answers_open"
    assert second.body == "Alex answered too — both answers are open"
    for push in (first, second):
        sent = push.title + push.body + str(push.data)
        assert "secret" not in sent and "words" not in sent


def test_a_late_answer_says_it_was_yesterdays_question(client, couple, app, clock):
    alex, sam = couple
    question = today(client, alex)
    clock.advance(days=1)
    answer(client, sam, question["id"], "late")
    (push,) = _pushes(app)
    assert push.title == "Yesterday's question"
    assert push.body == "Sam answered yesterday's question — answer yours to see theirs"


def test_the_push_is_sent_even_to_a_partner_who_turned_check_in_pushes_off(client, couple, app):
    alex, sam = couple
    client.patch("/api/v1/me", json={"notify_partner_checkins": False}, headers=alex["headers"])
    answer(client, sam, today(client, sam)["id"], "words")
    assert [push.kind for push in _pushes(app)] == ["question_answered"]


# --- the export, deleting an account, the summary ------------------------------------------


def test_the_export_holds_the_callers_own_answers_also_after_unpairing(client, couple, clock):
    alex, sam = couple
    question = today(client, alex)
    answer(client, alex, question["id"], "alex's answer")
    clock.advance(minutes=2)
    answer(client, sam, question["id"], "sam's answer")
    unpair(client, sam)

    export = client.get("/api/v1/me/export", headers=alex["headers"]).get_json()
    assert export["question_answers"] == [
        {
            "couple_question_id": question["id"],
            "couple_id": alex["couple_id"],
            "question_id": question["question"]["id"],
            "date": TODAY,
            "text": "alex's answer",
            "answered_at": "2026-11-30T12:00:00+00:00",
            "changed_at": None,
        }
    ]
    assert "sam's answer" not in client.get("/api/v1/me/export", headers=alex["headers"]).get_data(
        as_text=True
    )
    sams = client.get("/api/v1/me/export", headers=sam["headers"]).get_json()
    assert [a["text"] for a in sams["question_answers"]] == ["sam's answer"]


def test_deleting_an_account_deletes_its_answers_and_keeps_the_partners(client, couple, app):
    alex, sam = couple
    question = today(client, alex)
    answer(client, alex, question["id"], "alex's answer")
    answer(client, sam, question["id"], "sam's answer")
    response = client.delete("/api/v1/me", json={"password": PASSWORD}, headers=alex["headers"])
    assert response.status_code == 204
    with app.app_context():
        assert [a.text for a in db.session.scalars(select(QuestionAnswer)).all()] == [
            "sam's answer"
        ]
        assert len(db.session.scalars(select(CoupleQuestion)).all()) == 1
    export = client.get("/api/v1/me/export", headers=sam["headers"]).get_json()
    assert [a["text"] for a in export["question_answers"]] == ["sam's answer"]


def test_the_summary_counts_the_dates_of_the_week_both_answered(client, pair, clock):
    clock.current = datetime(2026, 11, 22, 22, 0, tzinfo=UTC)  # Sunday 23:00 in Berlin
    alex, sam = pair("Alex", "Sam", first_timezone="Europe/Berlin")
    sunday = today(client, alex)  # W47 for Alex
    answer(client, alex, sunday["id"], "a")
    answer(client, sam, sunday["id"], "b")
    for day in range(4):  # Monday..Thursday of W48 (Berlin)
        clock.current = datetime(2026, 11, 23 + day, 12, 0, tzinfo=UTC)
        question = today(client, alex)
        answer(client, alex, question["id"], "a")
        if day != 2:
            answer(client, sam, question["id"], "b")
    clock.current = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # Monday of W49 in Berlin
    answered = today(client, alex)
    answer(client, alex, answered["id"], "a")
    clock.advance(hours=1)  # Monday for Sam (UTC) too
    answer(client, sam, answered["id"], "b")

    def together(user, week):
        response = client.get(f"/api/v1/couple/summary?week={week}", headers=user["headers"])
        assert response.status_code == 200
        return response.get_json()["together"]["questions_answered_together"]

    assert together(alex, "2026-W48") == 3
    assert together(alex, "2026-W47") == 1
    assert together(alex, "2026-W49") == 1
    assert together(sam, "2026-W48") == 3


def test_the_summary_counts_only_the_current_pairings_questions(client, couple):
    alex, sam = couple
    question = today(client, alex)
    answer(client, alex, question["id"], "a")
    answer(client, sam, question["id"], "b")
    unpair(client, alex)
    repair(client, alex, sam)
    response = client.get("/api/v1/couple/summary?week=2026-W49", headers=alex["headers"])
    assert response.get_json()["together"]["questions_answered_together"] == 0


def test_depths_rotate_through_the_days(client, couple, clock):
    alex, _ = couple
    depths = []
    for _ in range(9):
        depths.append(today(client, alex)["question"]["depth"])
        clock.advance(days=1)
    assert depths == ["light", "warm", "deep"] * 3
    assert Counter(depths) == Counter({"light": 3, "warm": 3, "deep": 3})


def test_the_push_is_written_in_the_recipients_language_not_the_requests(
    client, couple, app, monkeypatch
):
    from flask_babel import get_locale

    from api.notifications import outbox

    alex, sam = couple
    client.patch("/api/v1/me", json={"locale": "de"}, headers=alex["headers"])
    spoken = []
    real_gettext = outbox.gettext

    def recording_gettext(message, **variables):
        spoken.append((str(get_locale()), message))
        return real_gettext(message, **variables)

    monkeypatch.setattr(outbox, "gettext", recording_gettext)
    question = today(client, sam)
    response = client.put(
        f"/api/v1/questions/{question['id']}/answer",
        json={"text": "hola"},
        headers={**sam["headers"], "Accept-Language": "es"},
    )
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "es"  # the answer: the request's
    assert {locale for locale, _ in spoken} == {"de"}  # the push: Alex's
    assert outbox.ANSWERED_TODAYS in [message for _, message in spoken]
