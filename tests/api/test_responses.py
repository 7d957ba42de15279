from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Response, db
from tests.conftest import checkin


def _respond(client, user, checkin_id, **body):
    return client.post(
        f"/api/v1/checkins/{checkin_id}/responses",
        json={"kind": "reflect", **body},
        headers=user["headers"],
    )


def _rate(client, user, response_id, felt_heard=True):
    return client.put(
        f"/api/v1/responses/{response_id}/felt-heard",
        json={"felt_heard": felt_heard},
        headers=user["headers"],
    )


def test_the_partner_responds_and_the_response_is_embedded(client, pair, clock):
    alex, sam = pair()
    posted = checkin(client, sam, tone="sad", energy=2)
    response = _respond(client, alex, posted["id"], message="That sounds heavy. I'm here.")
    assert response.status_code == 201
    body = response.get_json()
    assert body["checkin_id"] == posted["id"]
    assert body["author_id"] == alex["user"]["id"]
    assert body["kind"] == "reflect"
    assert body["felt_heard"] is None
    seen = client.get(f"/api/v1/checkins/{posted['id']}", headers=sam["headers"]).get_json()
    assert seen["responses"] == [body]


def test_responding_to_your_own_check_in_is_403(client, pair):
    _, sam = pair()
    posted = checkin(client, sam)
    response = _respond(client, sam, posted["id"])
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"


def test_nobody_can_respond_to_a_private_check_in(client, pair):
    alex, sam = pair()
    private = checkin(client, sam, visibility="private")
    assert _respond(client, alex, private["id"]).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "fix_it"}, "kind"),
        ({"message": "x" * 501}, "message"),
        ({"message": "\u0000"}, "message"),
        ({"felt_heard": True}, "felt_heard"),
        ({"author_id": "x"}, "author_id"),
    ],
)
def test_bad_response_bodies_are_422(client, pair, body, field):
    alex, sam = pair()
    posted = checkin(client, sam)
    response = _respond(client, alex, posted["id"], **body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_the_check_in_author_rates_whether_they_felt_heard(client, pair, app):
    alex, sam = pair()
    posted = checkin(client, sam)
    answer = _respond(client, alex, posted["id"]).get_json()
    rated = _rate(client, sam, answer["id"], True)
    assert rated.status_code == 200
    assert rated.get_json()["felt_heard"] is True
    assert _rate(client, sam, answer["id"], False).get_json()["felt_heard"] is False
    with app.app_context():
        stored = db.session.scalars(select(Response)).one()
        assert stored.felt_heard is False and stored.rated_at is not None


def test_rating_a_response_you_wrote_yourself_is_403(client, pair):
    alex, sam = pair()
    answer = _respond(client, alex, checkin(client, sam)["id"]).get_json()
    response = _rate(client, alex, answer["id"])
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_felt_heard_must_be_a_boolean(client, pair, value):
    alex, sam = pair()
    answer = _respond(client, alex, checkin(client, sam)["id"]).get_json()
    response = client.put(
        f"/api/v1/responses/{answer['id']}/felt-heard",
        json={"felt_heard": value},
        headers=sam["headers"],
    )
    assert response.status_code == 422
    assert "felt_heard" in response.get_json()["errors"]


def test_unknown_response_is_404(client, accounts):
    sam = accounts.register()
    response = _rate(client, sam, "00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
