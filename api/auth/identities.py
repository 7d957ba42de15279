"""Apple and Google identities: signing in with one, linking, unlinking, confirming deletion.

An identity is the provider's (`iss`, `sub`) pair; an email counts only when the provider
says it is verified. Nothing is merged behind anyone's back: a new identity whose email
already has an account is 409 `account_exists`, and the owner links it signed in (with
their password when the account has one). Nonces are kept in the database, so a token is
accepted once across every worker until it expires.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError

from api.auth import revocations
from api.auth.apple import AppleError, AppleGrant, apple_client
from api.auth.caller import Caller
from api.auth.caller_cache import forget_caller
from api.auth.passwords import verify_password
from api.auth.providers import LEEWAY, VerifiedToken, configured_provider, refused, verify
from api.auth.tokens import issue_tokens
from api.clock import now
from api.http.errors import ApiError, not_found
from api.http.language import named_by_request
from models import Identity, UsedNonce, User, db
from models.languages import DEFAULT_LOCALE

log = logging.getLogger(__name__)

# A token confirming an account's deletion must be this recent.
RECENT_SIGN_IN = timedelta(minutes=5)
DEFAULT_DISPLAY_NAME = "Attune user"


def _identity_of(token: VerifiedToken) -> Identity | None:
    return db.session.scalars(
        select(Identity).where(Identity.issuer == token.issuer, Identity.subject == token.subject)
    ).first()


def _use_nonce(token: VerifiedToken) -> None:
    """Accept the token's nonce once; a second time, in any worker, is a replay (401)."""
    if token.nonce_key is None:
        return
    db.session.add(UsedNonce(key=token.nonce_key, expires_at=token.expires_at + LEEWAY))
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise refused(token.provider, "nonce already used") from exc


def forget_expired_nonces(moment: datetime) -> int:
    """Drop nonces whose tokens have expired: they can no longer be replayed (committed)."""
    result = db.session.execute(delete(UsedNonce).where(UsedNonce.expires_at < moment))
    db.session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _exchange(token: VerifiedToken, code: str | None) -> AppleGrant | None:
    """Apple's refresh token for an authorization code, or None (the sign-in goes on)."""
    if token.provider != "apple" or not code:
        return None
    client = apple_client()
    if client is None:
        log.warning("Apple authorization code ignored: APPLE_TEAM_ID, APPLE_KEY_ID or key unset")
        return None
    try:
        return client.exchange(token.audience, code, token.subject)
    except AppleError as exc:
        # Only a deletion needs it, and the app sends a new code at its next sign-in.
        log.warning("Apple authorization code not exchanged", extra={"reason": str(exc)})
        return None


def _keep(identity: Identity, grant: AppleGrant | None) -> None:
    if grant is not None:
        identity.refresh_token_encrypted = revocations.seal(grant.refresh_token)
        identity.client_id = grant.client_id


def _new_identity(user_id: uuid.UUID, token: VerifiedToken, grant: AppleGrant | None) -> Identity:
    moment = now()
    identity = Identity(
        id=uuid.uuid4(),
        user_id=user_id,
        provider=token.provider,
        issuer=token.issuer,
        subject=token.subject,
        email=token.email,
        client_id=token.audience,
        created_at=moment,
        last_used_at=moment,
    )
    _keep(identity, grant)
    return identity


def _refuse_a_silent_merge(token: VerifiedToken) -> None:
    if token.email is None:
        return
    # Not the account this very identity reaches: a simultaneous first sign-in may have
    # committed both since the identity was looked up (each statement its own snapshot).
    reached_by_it = exists().where(
        Identity.user_id == User.id,
        Identity.issuer == token.issuer,
        Identity.subject == token.subject,
    )
    another = select(User.id).where(User.email == token.email, ~reached_by_it)
    if db.session.scalar(another) is not None:
        log.info(
            "provider sign-up refused: the email has an account", extra={"provider": token.provider}
        )
        raise ApiError(
            409,
            "account_exists",
            "An account with this email exists. Sign in to it, then link this sign-in "
            "method from your account.",
        )


def _display_name(body: dict[str, Any], token: VerifiedToken) -> str:
    if body.get("display_name"):
        return str(body["display_name"])
    if token.name:
        return token.name
    if token.email and not token.private_email:
        local = token.email.split("@", 1)[0][:50].strip()
        if local:
            return local
    return DEFAULT_DISPLAY_NAME


def _signed_in(
    token: VerifiedToken, identity: Identity | None, grant: AppleGrant | None, body: dict[str, Any]
) -> tuple[User, bool]:
    _use_nonce(token)
    if identity is not None:
        identity.last_used_at = now()
        _keep(identity, grant)
        return db.session.get_one(User, identity.user_id), False
    user = User(
        id=uuid.uuid4(),
        email=token.email,
        password_hash=None,
        display_name=_display_name(body, token),
        timezone=body["timezone"],
        locale=body.get("locale") or named_by_request() or DEFAULT_LOCALE,
        created_at=now(),
    )
    db.session.add(user)
    db.session.flush()
    db.session.add(_new_identity(user.id, token, grant))
    db.session.flush()
    return user, True


def sign_in(provider_name: str, body: dict[str, Any]) -> tuple[User, dict[str, Any], bool]:
    """Sign in with an id token (committed): the user, a new token family, and whether
    the account was made just now."""
    provider = configured_provider(provider_name)
    token = verify(provider, body["id_token"], body.get("nonce"))
    identity = _identity_of(token)
    if identity is None:
        _refuse_a_silent_merge(token)
    grant = _exchange(token, body.get("authorization_code"))
    try:
        user, created = _signed_in(token, identity, grant, body)
    except IntegrityError:
        # Another sign-in of this identity (or this email) committed first: look again.
        db.session.rollback()
        identity = _identity_of(token)
        if identity is None:
            _refuse_a_silent_merge(token)
            raise ApiError(409, "conflict", "Another sign-in got there first; try again.") from None
        user, created = _signed_in(token, identity, grant, body)
    tokens = issue_tokens(user)
    db.session.commit()
    return user, tokens, created


def _locked_user(user_id: uuid.UUID) -> User:
    """The account, locked until commit: its ways in change one request at a time."""
    return db.session.scalars(select(User).where(User.id == user_id).with_for_update(of=User)).one()


def _prove_it_is_you(user: User, password: str | None, fresh: bool) -> None:
    if user.has_password:
        # A stolen access token must not add a way in: the password must come too.
        if password is None or not verify_password(user, password):
            raise ApiError(401, "invalid_credentials", "The password is not right.")
    elif not fresh:
        # Without a password, the proof is a recent sign-in (not a refreshed token).
        raise ApiError(
            401, "fresh_token_required", "Sign in again, then link within a few minutes."
        )


def link(caller: Caller, fresh: bool, body: dict[str, Any]) -> tuple[User, int]:
    """Link an identity to the caller's account (committed): the user, and 201, or 200
    when it was linked already."""
    provider = configured_provider(body["provider"])
    user = _locked_user(caller.id)
    _prove_it_is_you(user, body.get("password"), fresh)
    token = verify(provider, body["id_token"], body.get("nonce"))
    identity = _identity_of(token)
    if identity is not None and identity.user_id != user.id:
        raise ApiError(
            409, "identity_taken", f"This {provider.title} ID belongs to another account."
        )
    if identity is None and db.session.scalar(
        select(Identity.id).where(Identity.user_id == user.id, Identity.provider == provider.name)
    ):
        raise ApiError(
            409, "already_linked", f"Another {provider.title} ID is linked; unlink it first."
        )
    grant = _exchange(token, body.get("authorization_code"))
    _use_nonce(token)
    status = 200
    if identity is not None:
        _keep(identity, grant)
    else:
        db.session.add(_new_identity(user.id, token, grant))
        try:
            db.session.flush()
        except IntegrityError as exc:  # linked elsewhere at the same moment
            db.session.rollback()
            raise ApiError(
                409, "identity_taken", "This identity belongs to another account."
            ) from exc
        status = 201
    db.session.commit()
    forget_caller(user.id)
    db.session.refresh(user)
    return user, status


def unlink(caller: Caller, provider_name: str) -> list[uuid.UUID]:
    """Unlink the caller's identity of that provider (not committed); the Apple token
    revocations it queued, to try after the commit."""
    provider = configured_provider(provider_name)
    user = _locked_user(caller.id)
    linked = db.session.scalars(select(Identity).where(Identity.user_id == user.id)).all()
    identity = next((i for i in linked if i.provider == provider.name), None)
    if identity is None:
        raise not_found(f"No {provider.title} ID is linked to your account.")
    if len(linked) + int(user.has_password) <= 1:
        raise ApiError(
            409,
            "last_sign_in_method",
            "This is your only way to sign in: add another (or a password) first.",
        )
    queued = revocations.enqueue(identity)
    db.session.delete(identity)
    forget_caller(user.id)
    return [queued] if queued else []


def confirm_deletion(user: User, provider_name: str, id_token: str, nonce: str | None) -> None:
    """For an account without a password: a token of one of its own identities, issued in
    the last five minutes, confirms that its owner is deleting it."""
    provider = configured_provider(provider_name)
    token = verify(provider, id_token, nonce)
    identity = _identity_of(token)
    if identity is None or identity.user_id != user.id:
        raise refused(provider.name, "identity not linked to this account")
    if token.issued_at < now() - RECENT_SIGN_IN:
        raise refused(provider.name, "not issued within the last five minutes")
    _use_nonce(token)


def queue_revocations(user_id: uuid.UUID) -> list[uuid.UUID]:
    """Queue the revocation of every Apple token of the account (not committed)."""
    identities = db.session.scalars(select(Identity).where(Identity.user_id == user_id)).all()
    return [queued for i in identities if (queued := revocations.enqueue(i)) is not None]
