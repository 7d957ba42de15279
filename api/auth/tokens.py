"""Tokens: families in the database, issuing and rotating pairs, the JWT callbacks."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet
from flask import Response, current_app, g, request
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, get_jti
from jwt import MissingRequiredClaimError
from sqlalchemy import select, update

from api.auth.caller import Caller, load_caller
from api.auth.caller_cache import caller_cache, forget_caller
from api.clock import now
from api.http.errors import problem
from api.keys.derived import fernet, seal, unseal
from models import TokenFamily, User, db

VERIFIED_TOKENS_KEY = "attune.verified_tokens"


def _now() -> datetime:
    return datetime.now(UTC)


def _refresh_token(user_id: uuid.UUID, family_id: uuid.UUID) -> str:
    return create_refresh_token(identity=str(user_id), additional_claims={"fam": str(family_id)})


def _token_pair(
    user_id: uuid.UUID, family_id: uuid.UUID, refresh_token: str, *, fresh: bool = False
) -> dict[str, Any]:
    access_token = create_access_token(
        identity=str(user_id), fresh=fresh, additional_claims={"fam": str(family_id)}
    )
    return {
        "access_token": access_token,
        "refresh_token": refresh_token,
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    }


def issue_tokens(user: User | Caller) -> dict[str, Any]:
    """Start a token family (one per login) and issue its first pair.

    Its access token is `fresh`: it comes from proving who you are, not from a refresh
    token, so it may do what a stolen refresh token must not (see `signed_in_just_now`).
    """
    family = TokenFamily(id=uuid.uuid4(), user_id=user.id, refresh_jti="")
    db.session.add(family)
    refresh_token = _refresh_token(user.id, family.id)
    family.refresh_jti = str(get_jti(refresh_token))
    return _token_pair(user.id, family.id, refresh_token, fresh=True)


def presented_token() -> str:
    """The bearer token of this request, as sent (the JWT check has already verified it)."""
    return request.headers.get("Authorization", "").partition(" ")[2].strip()


def _answer_key(presented: str) -> Fernet:
    # Salted with the spent token itself, which the server never stores: the database
    # (even with the app secret) cannot open the kept answer, only that token's holder.
    return fernet(
        current_app.config["SECRET_KEY"],
        b"attune refresh grace",
        salt=hashlib.sha256(presented.encode()).digest(),
    )


def _grace() -> timedelta:
    return timedelta(seconds=current_app.config["REFRESH_REUSE_GRACE_SECONDS"])


def rotate_refresh_token(
    user_id: uuid.UUID, family_id: uuid.UUID, presented_jti: str, presented: str
) -> dict[str, Any] | None:
    """Spend the presented refresh token and issue the next pair (not committed).

    The compare-and-swap on `refresh_jti` makes concurrent uses of one token end with one
    winner. The winner keeps its answer, sealed, for the grace; a loser (two requests
    racing from one phone), or the same token within the grace, gets that answer. On
    PostgreSQL a loser's UPDATE waits for the winner's row lock and then matches nothing,
    and its next statement sees the winner's committed answer.

    None when the token was copied: it is no longer the family's newest and the grace has
    ended, or the pair it got was itself refreshed, or the family is gone or revoked. The
    caller then revokes the family.
    """
    moment = now()
    refresh_token = _refresh_token(user_id, family_id)
    pair = _token_pair(user_id, family_id, refresh_token)
    answer = None
    if _grace():
        answer = seal(json.dumps(pair).encode(), _answer_key(presented))
    swapped = db.session.execute(
        update(TokenFamily)
        .where(
            TokenFamily.id == family_id,
            TokenFamily.refresh_jti == presented_jti,
            TokenFamily.revoked_at.is_(None),
        )
        .values(
            refresh_jti=get_jti(refresh_token),
            spent_jti=presented_jti,
            spent_at=moment,
            spent_answer=answer,
        )
        .execution_options(synchronize_session=False)
    )
    if swapped.rowcount == 1:  # type: ignore[attr-defined]
        return pair
    return _answer_given(family_id, presented_jti, presented, moment)


def _answer_given(
    family_id: uuid.UUID, presented_jti: str, presented: str, moment: datetime
) -> dict[str, Any] | None:
    """The pair the presented token got when it was spent, while its grace lasts."""
    kept = db.session.execute(
        select(TokenFamily.spent_jti, TokenFamily.spent_at, TokenFamily.spent_answer).where(
            TokenFamily.id == family_id, TokenFamily.revoked_at.is_(None)
        )
    ).first()
    if (
        kept is None
        or kept.spent_jti != presented_jti  # its pair was refreshed since: a copy
        or kept.spent_answer is None
        or kept.spent_at is None
        or moment >= kept.spent_at + _grace()  # counted from the first use, never extended
    ):
        return None
    # The seal's own clock (whole seconds) refuses it too, a little after the grace.
    ttl = int(_grace().total_seconds()) + 2
    opened = unseal(kept.spent_answer, _answer_key(presented), ttl=ttl)
    return json.loads(opened) if opened is not None else None


def drop_spent_answers(moment: datetime) -> int:
    """Forget the answers whose grace has ended (committed); how many were dropped."""
    dropped = db.session.execute(
        update(TokenFamily)
        .where(TokenFamily.spent_answer.is_not(None), TokenFamily.spent_at <= moment - _grace())
        .values(spent_answer=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return int(dropped.rowcount)  # type: ignore[attr-defined]


def revoke_families(
    user_id: uuid.UUID, *, only: uuid.UUID | None = None, keep: uuid.UUID | None = None
) -> None:
    statement = update(TokenFamily).where(
        TokenFamily.user_id == user_id, TokenFamily.revoked_at.is_(None)
    )
    if only is not None:
        statement = statement.where(TokenFamily.id == only)
    if keep is not None:
        statement = statement.where(TokenFamily.id != keep)
    db.session.execute(
        statement.values(revoked_at=_now(), spent_answer=None).execution_options(
            synchronize_session=False
        )
    )
    forget_caller(user_id)


def signed_in_just_now(claims: dict[str, Any]) -> bool:
    """Whether the access token came from a sign-in (within its lifetime), not a refresh."""
    return claims.get("fresh") is True


def family_of(claims: dict[str, Any]) -> uuid.UUID:
    """The token family of a verified token (the blocklist check already parsed it)."""
    return uuid.UUID(claims["fam"])


def _parse_uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def init_jwt(jwt: JWTManager) -> None:
    @jwt.token_in_blocklist_loader
    def _token_is_revoked(_header: dict, payload: dict) -> bool:
        # One query answers "is the family live?", "who is this?" and "paired with whom?".
        user_id, family_id = _parse_uuid(payload.get("sub")), _parse_uuid(payload.get("fam"))
        if user_id is None or family_id is None:
            return True
        cache = caller_cache()
        caller, version = cache.get(user_id, family_id) if cache is not None else (None, -1)
        if caller is None:
            caller = load_caller(user_id, family_id)
            if caller is not None and cache is not None:
                cache.put(family_id, caller, version)
        g.attune_caller = caller
        return caller is None

    @jwt.user_lookup_loader
    def _current_user(_header: dict, payload: dict) -> Caller | None:
        return g.get("attune_caller")

    @jwt.user_lookup_error_loader
    def _user_gone(_header: dict, _payload: dict) -> Response:
        return problem(401, "token_revoked", "This token no longer works; sign in again.")

    @jwt.unauthorized_loader
    def _missing_token(reason: str) -> Response:
        return problem(401, "missing_token", "Send a bearer token in the Authorization header.")

    @jwt.invalid_token_loader
    def _invalid_token(reason: str) -> Response:
        return problem(401, "invalid_token", "The token is not valid.")

    @jwt.expired_token_loader
    def _expired_token(_header: dict, _payload: dict) -> Response:
        return problem(401, "token_expired", "The token has expired; refresh it or sign in.")

    @jwt.revoked_token_loader
    def _revoked_token(_header: dict, _payload: dict) -> Response:
        return problem(401, "token_revoked", "This token no longer works; sign in again.")

    @jwt.needs_fresh_token_loader
    def _needs_fresh(_header: dict, _payload: dict) -> Response:
        return problem(401, "fresh_token_required", "Sign in again to do this.")

    @jwt.token_verification_failed_loader
    def _verification_failed(_header: dict, _payload: dict) -> Response:
        return problem(401, "invalid_token", "The token is not valid.")


class VerifyingOnceJWTManager(JWTManager):
    """Checks a token's signature once per worker, then only its expiry.

    PyJWT spends about half a millisecond on each decode (strict base64 checks, preparing
    the key) and a mobile client sends the same access token with every request until it
    expires. A signature that verified once under this app's key stays verified, so the
    verified claims are kept (bounded) and each later use checks expiry only. Revocation
    is untouched: the token-family check still runs on every request.

    A token without `exp` is refused, however well signed: PyJWT checks `exp` only when
    it is there, and a token that never expires must not exist.
    """

    MAX_REMEMBERED = 8192

    def _decode_jwt_from_config(
        self, encoded_token: str, csrf_value: Any = None, allow_expired: bool = False
    ) -> dict:
        if csrf_value is not None or allow_expired:
            return _expiring(
                super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
            )
        remembered: dict[str, dict] = current_app.extensions.setdefault(VERIFIED_TOKENS_KEY, {})
        claims = remembered.get(encoded_token)
        if claims is not None and time.time() - _leeway_seconds() < claims["exp"]:
            return dict(claims)
        remembered.pop(encoded_token, None)
        claims = _expiring(super()._decode_jwt_from_config(encoded_token))  # raises when expired
        if len(remembered) >= self.MAX_REMEMBERED:
            del remembered[next(iter(remembered))]
        remembered[encoded_token] = claims
        return dict(claims)


def _expiring(claims: dict) -> dict:
    if not isinstance(claims.get("exp"), int | float):
        raise MissingRequiredClaimError("exp")
    return claims


def _leeway_seconds() -> float:
    leeway = current_app.config.get("JWT_DECODE_LEEWAY") or 0
    return leeway.total_seconds() if isinstance(leeway, timedelta) else float(leeway)
