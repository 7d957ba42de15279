"""offline-first: the refresh grace, tombstones, device ids and the sync change log

Revision ID: 0010_sync
Revises: 0009_identities
Create Date: 2026-11-30 12:00:00.000000

- token_families: the refresh token spent last, when, and the answer it got (sealed).
- checkins: `deleted_at` (a tombstone keeps the id; tone and energy become nullable, a
  check makes live rows keep them); the author index gains `deleted_at` as its last
  column, so `deleted_at IS NULL` is checked on index entries of the ordered scan.
- devices: an `id` to name a device without its token, and `last_seen_at`.
- changes: the sync feed's log, one row per reader and change, written by the triggers
  below in the transaction of the change itself.

The triggers log: a check-in created or deleted, a response written or rated (for the
check-in's author, and for their partner when the check-in is theirs to see), a pairing
(for each member) and its end (for each member, with every check-in of the other that they
could see). On PostgreSQL the partner's row is written under FOR SHARE of the author's
membership: an unpairing waits for the check-in's transaction or the check-in sees the
unpairing, so nobody hears of a check-in they never could have seen. User-defined AFTER
triggers fire after the foreign-key checks (whose trigger names sort first), which matters
for the same reason: see api/couples/pairing.py.

On SQLite, rebuilding a table in batch mode drops its triggers: a later migration that
does so on checkins, responses, couples or couple_members must create them again.
"""
import uuid

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_sync'
down_revision = '0009_identities'
branch_labels = None
depends_on = None


def _log_checkin(checkin, at, lock=''):
    """SQL: tell the check-in's author, and their partner if they may see it."""
    return f"""
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT author_id, 'checkin', id, NULL, {at} FROM checkins WHERE id = {checkin};
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT theirs.user_id, 'checkin', c.id, mine.couple_id, {at}
        FROM checkins c
        JOIN couple_members mine ON mine.user_id = c.author_id AND mine.active
        JOIN couple_members theirs
            ON theirs.couple_id = mine.couple_id AND theirs.user_id <> mine.user_id
        JOIN couples ON couples.id = mine.couple_id
        WHERE c.id = {checkin} AND c.visibility = 'partner' AND c.recorded_at >= couples.paired_at
        {lock};
    """


def _log_paired(member, couple):
    return f"""
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT {member}, 'couple', id, id, paired_at FROM couples WHERE id = {couple};
    """


def _log_unpaired(couple, paired_at, ended_at):
    """SQL: each member hears that the pairing ended, and which of the other's check-ins
    they no longer see (the shared ones of this pairing: only what they could see)."""
    return f"""
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT user_id, 'couple', couple_id, couple_id, {ended_at}
        FROM couple_members WHERE couple_id = {couple};
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT reader.user_id, 'checkin', c.id, reader.couple_id, {ended_at}
        FROM couple_members reader
        JOIN couple_members author
            ON author.couple_id = reader.couple_id AND author.user_id <> reader.user_id
        JOIN checkins c ON c.author_id = author.user_id
        WHERE reader.couple_id = {couple} AND c.deleted_at IS NULL
            AND c.visibility = 'partner' AND c.recorded_at >= {paired_at};
    """


# (trigger, table, event, condition on OLD/NEW, SQLite body, PostgreSQL function)
def _triggers(sqlite):
    distinct = 'IS NOT' if sqlite else 'IS DISTINCT FROM'
    return [
        ('checkins_logged_created', 'checkins', 'INSERT', None,
         _log_checkin('NEW.id', 'NEW.created_at'), 'attune_checkin_created()'),
        ('checkins_logged_deleted', 'checkins', 'UPDATE OF deleted_at',
         'OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL',
         _log_checkin('NEW.id', 'NEW.deleted_at'), 'attune_checkin_deleted()'),
        ('responses_logged_created', 'responses', 'INSERT', None,
         _log_checkin('NEW.checkin_id', 'NEW.created_at'), 'attune_response_created()'),
        ('responses_logged_rated', 'responses', 'UPDATE OF felt_heard',
         f'OLD.felt_heard {distinct} NEW.felt_heard',
         _log_checkin('NEW.checkin_id', 'NEW.rated_at'), 'attune_response_rated()'),
        ('couple_members_logged_paired', 'couple_members', 'INSERT', None,
         _log_paired('NEW.user_id', 'NEW.couple_id'), 'attune_member_paired()'),
        ('couples_logged_ended', 'couples', 'UPDATE OF ended_at',
         'OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL',
         _log_unpaired('NEW.id', 'NEW.paired_at', 'NEW.ended_at'), 'attune_couple_ended()'),
    ]


# PostgreSQL: the same statements in functions; the check-in one holds the author's
# membership (see the module docstring).
PG_FUNCTIONS = {
    'attune_checkin_created()': "PERFORM attune_log_checkin(NEW.id, NEW.created_at);",
    'attune_checkin_deleted()': "PERFORM attune_log_checkin(NEW.id, NEW.deleted_at);",
    'attune_response_created()': "PERFORM attune_log_checkin(NEW.checkin_id, NEW.created_at);",
    'attune_response_rated()': "PERFORM attune_log_checkin(NEW.checkin_id, NEW.rated_at);",
    'attune_member_paired()': _log_paired('NEW.user_id', 'NEW.couple_id'),
    'attune_couple_ended()': _log_unpaired('NEW.id', 'NEW.paired_at', 'NEW.ended_at'),
}


def _create_triggers(dialect):
    if dialect == 'postgresql':
        op.execute(f"""
            CREATE FUNCTION attune_log_checkin(p_checkin uuid, p_at timestamptz)
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                {_log_checkin('p_checkin', 'p_at', 'FOR SHARE OF mine')}
            END
            $$
        """)
        for function, body in PG_FUNCTIONS.items():
            op.execute(f"""
                CREATE FUNCTION {function} RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {body}
                    RETURN NULL;
                END
                $$
            """)
    for name, table, event, condition, sqlite_body, function in _triggers(dialect == 'sqlite'):
        when = f'WHEN ({condition})' if condition else ''
        if dialect == 'postgresql':
            op.execute(
                f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                f'EXECUTE FUNCTION {function}'
            )
        else:
            op.execute(
                f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                f'BEGIN {sqlite_body} END'
            )


def _drop_triggers(dialect):
    for name, table, *_, function in _triggers(dialect == 'sqlite'):
        op.execute(f'DROP TRIGGER {name} ON {table}' if dialect == 'postgresql'
                   else f'DROP TRIGGER {name}')
    if dialect == 'postgresql':
        for function in PG_FUNCTIONS:
            op.execute(f'DROP FUNCTION {function}')
        op.execute('DROP FUNCTION attune_log_checkin(uuid, timestamptz)')


def upgrade():
    dialect = op.get_bind().dialect.name

    with op.batch_alter_table('token_families', schema=None) as batch_op:
        batch_op.add_column(sa.Column('spent_jti', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('spent_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('spent_answer', sa.Text(), nullable=True))
        batch_op.create_index('ix_token_families_spent_answer', ['spent_at'], unique=False,
                              sqlite_where=sa.text('spent_answer IS NOT NULL'),
                              postgresql_where=sa.text('spent_answer IS NOT NULL'))

    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column('tone', existing_type=sa.String(length=20), nullable=True)
        batch_op.alter_column('energy', existing_type=sa.SmallInteger(), nullable=True)
        batch_op.create_check_constraint(
            op.f('ck_checkins_live_has_feeling'), 'deleted_at IS NOT NULL OR (tone IS NOT NULL AND energy IS NOT NULL)'
        )
        batch_op.drop_index('ix_checkins_author_recorded')
        batch_op.create_index('ix_checkins_author_recorded',
                              ['author_id', 'recorded_at', 'id', 'deleted_at'], unique=False)

    # Existing devices get an id and were last seen when registered.
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True))
    devices = sa.table('devices', sa.column('token', sa.String()), sa.column('id', sa.Uuid()),
                       sa.column('created_at', sa.DateTime(timezone=True)),
                       sa.column('last_seen_at', sa.DateTime(timezone=True)))
    bind = op.get_bind()
    for (token,) in bind.execute(sa.select(devices.c.token)).all():
        bind.execute(devices.update().where(devices.c.token == token).values(id=uuid.uuid4()))
    bind.execute(devices.update().values(last_seen_at=devices.c.created_at))
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.alter_column('id', existing_type=sa.Uuid(), nullable=False)
        batch_op.alter_column('last_seen_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_devices_id'), ['id'])

    txid_default = (sa.text('(pg_current_xact_id()::text::bigint)') if dialect == 'postgresql'
                    else sa.text('0'))
    op.create_table('changes',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True,
              nullable=False),
    sa.Column('txid', sa.BigInteger(), server_default=txid_default, nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('couple_id', sa.Uuid(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('checkin', 'couple', 'question')", name=op.f('ck_changes_kind_known')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_changes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_changes')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index('ix_changes_reader', ['user_id', 'txid', 'seq'], unique=False)

    _create_triggers(dialect)


def downgrade():
    dialect = op.get_bind().dialect.name
    _drop_triggers(dialect)

    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index('ix_changes_reader')
    op.drop_table('changes')

    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_devices_id'), type_='unique')
        batch_op.drop_column('last_seen_at')
        batch_op.drop_column('id')

    # The old schema has no tombstones: they go (with their idempotency keys).
    op.execute('DELETE FROM checkins WHERE deleted_at IS NOT NULL')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index('ix_checkins_author_recorded')
        batch_op.create_index('ix_checkins_author_recorded', ['author_id', 'recorded_at', 'id'],
                              unique=False)
        batch_op.drop_constraint(batch_op.f('ck_checkins_live_has_feeling'), type_='check')
        batch_op.alter_column('energy', existing_type=sa.SmallInteger(), nullable=False)
        batch_op.alter_column('tone', existing_type=sa.String(length=20), nullable=False)
        batch_op.drop_column('deleted_at')

    with op.batch_alter_table('token_families', schema=None) as batch_op:
        batch_op.drop_index('ix_token_families_spent_answer',
                            sqlite_where=sa.text('spent_answer IS NOT NULL'),
                            postgresql_where=sa.text('spent_answer IS NOT NULL'))
        batch_op.drop_column('spent_answer')
        batch_op.drop_column('spent_at')
        batch_op.drop_column('spent_jti')
