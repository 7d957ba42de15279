"""notify workers when a caller's token family, profile or pairing changes

Revision ID: 0005_caller_notifications
Revises: 0004_notifications
Create Date: 2026-11-29 18:40:00.000000

Workers keep token checks in memory (api/auth/caller_cache.py). These triggers tell them,
whatever code path changed the row, which user to forget: NOTIFY is sent at commit,
and not at all on rollback. PostgreSQL only; on SQLite nothing is kept in memory.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005_caller_notifications'
down_revision = '0004_notifications'
branch_labels = None
depends_on = None

CHANNEL = 'attune_callers'

# (trigger name, table, event and condition, column holding the user id)
TRIGGERS = [
    ('users_changed', 'users', 'UPDATE', 'OLD IS DISTINCT FROM NEW', 'id'),
    ('users_deleted', 'users', 'DELETE', None, 'id'),
    (
        'token_families_revoked',
        'token_families',
        'UPDATE',
        'OLD.revoked_at IS DISTINCT FROM NEW.revoked_at',
        'user_id',
    ),
    ('token_families_deleted', 'token_families', 'DELETE', None, 'user_id'),
    ('couple_members_changed', 'couple_members', 'INSERT OR UPDATE OR DELETE', None, 'user_id'),
]


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f"""
        CREATE FUNCTION attune_caller_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            changed jsonb;
        BEGIN
            IF TG_OP = 'DELETE' THEN
                changed := to_jsonb(OLD);
            ELSE
                changed := to_jsonb(NEW);
            END IF;
            PERFORM pg_notify('{CHANNEL}', changed ->> TG_ARGV[0]);
            RETURN NULL;
        END
        $$
    """)
    op.execute(f"""
        CREATE FUNCTION attune_couple_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', user_id::text)
            FROM couple_members WHERE couple_id = NEW.id;
            RETURN NULL;
        END
        $$
    """)
    for name, table, events, condition, column in TRIGGERS:
        when = f'WHEN ({condition})' if condition else ''
        op.execute(
            f'CREATE TRIGGER {name} AFTER {events} ON {table} FOR EACH ROW {when} '
            f"EXECUTE FUNCTION attune_caller_changed('{column}')"
        )
    op.execute(
        'CREATE TRIGGER couples_changed AFTER UPDATE ON couples FOR EACH ROW '
        'WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION attune_couple_changed()'
    )


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('DROP TRIGGER couples_changed ON couples')
    for name, table, *_ in TRIGGERS:
        op.execute(f'DROP TRIGGER {name} ON {table}')
    op.execute('DROP FUNCTION attune_couple_changed()')
    op.execute('DROP FUNCTION attune_caller_changed()')
