"""what each quarter hour of shared check-ins is made of, kept by triggers

Revision ID: 0012_checkin_quarters
Revises: 0011_question_changes
Create Date: 2026-11-30 15:50:00.000000

The weekly summary used to read every shared check-in of two weeks, and every response to
them, then fold them in Python: its cost followed what one account chose to post. It now
reads `checkin_quarters`: per author and UTC quarter hour (`quarter` = epoch seconds //
900), the live shared check-ins' counts, energy sum, quadrants and tones, and what the
responses to them did (how many, rated, rated heard; check-ins answered by someone other
than the author, answered within the 24-hour window, repaired), and when the unanswered
ones were created (the summary tells an open window from a closed one at read time).

Why quarter hours, not local days: each reader's days are their own time zone's, and the
partners may live in different ones. Every zone's offset since 1972 is a whole number of
quarter hours and changes on a quarter hour, so a quarter hour lies in one local day in
every zone, and the summary groups quarters into the reader's days in SQL.

A check-in posted is added to its quarter (one upsert, safe under concurrent posts); any
other change (a check-in deleted or moved, a response written, rated or deleted - also
by a cascade from a deleted account) recomputes the quarter from its own rows, under a
lock of the quarter's row on PostgreSQL. Both run in the transaction of the change,
whatever code path made it. A quarter emptied keeps its row, all zeros. The quadrant lists are the vocabulary's (models/vocabulary.py), frozen here: a
tone that changes its place must come with a migration that recomputes.

On SQLite, rebuilding `checkins` or `responses` in batch mode drops these triggers too.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_checkin_quarters'
down_revision = '0011_question_changes'
branch_labels = None
depends_on = None

UNPLEASANT = ('angry', 'anxious', 'frustrated', 'stressed', 'overwhelmed', 'sad', 'lonely',
              'tired', 'hurt', 'disappointed', 'numb')
NEUTRAL = ('okay',)
PLEASANT = ('calm', 'content', 'relaxed', 'grateful', 'happy', 'excited', 'hopeful',
            'playful', 'loved')
TONES = UNPLEASANT + NEUTRAL + PLEASANT
HIGH_ENERGY_FROM = 6
QUADRANTS = ('high_unpleasant', 'low_unpleasant', 'low_pleasant', 'high_pleasant', 'neutral')
FACTS = ('responses', 'rated', 'heard', 'replied', 'answered_in_time', 'repairs')


class Dialect:
    def __init__(self, name):
        self.postgresql = name == 'postgresql'

    def quarter(self, timestamp):
        if self.postgresql:
            return f'floor(extract(epoch FROM {timestamp}) / 900)::bigint'
        return f"(CAST(strftime('%s', {timestamp}) AS INTEGER) / 900)"

    def instant(self, quarter):
        """The quarter's first moment, comparable with a stored timestamp."""
        if self.postgresql:
            return f'to_timestamp(({quarter}) * 900)'
        # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff': the shorter string sorts just before it.
        return f"datetime(({quarter}) * 900, 'unixepoch')"

    def window_closes(self, created_at):
        if self.postgresql:
            return f"{created_at} + interval '24 hours'"
        # One UTC day later to the microsecond: the date and time moved, the fraction kept.
        return f"strftime('%Y-%m-%d %H:%M:%S', {created_at}, '+1 day') || substr({created_at}, 20)"


def _in(values):
    return ', '.join(f"'{v}'" for v in values)


def _columns():
    return ('author_id', 'quarter', 'checkins', 'energy', *QUADRANTS,
            *(f'tone_{t}' for t in TONES), *FACTS, 'open_from', 'open_until')


def _quadrant_conditions(tone, energy):
    high = f'{energy} >= {HIGH_ENERGY_FROM}'
    return {
        'high_unpleasant': f'{tone} IN ({_in(UNPLEASANT)}) AND {high}',
        'low_unpleasant': f'{tone} IN ({_in(UNPLEASANT)}) AND NOT {high}',
        'low_pleasant': f'{tone} IN ({_in(PLEASANT)}) AND NOT {high}',
        'high_pleasant': f'{tone} IN ({_in(PLEASANT)}) AND {high}',
        'neutral': f'{tone} IN ({_in(NEUTRAL)})',
    }


def _sums():
    """Every column after the key, summed over facts `f` (zero for none)."""
    quadrant = _quadrant_conditions('f.tone', 'f.energy')
    return ', '.join([
        'count(*)', 'coalesce(sum(f.energy), 0)',
        *(f'coalesce(sum(CASE WHEN {quadrant[q]} THEN 1 ELSE 0 END), 0)' for q in QUADRANTS),
        *(f"coalesce(sum(CASE WHEN f.tone = '{t}' THEN 1 ELSE 0 END), 0)" for t in TONES),
        *(f'coalesce(sum(f.{fact}), 0)' for fact in FACTS),
        'min(CASE WHEN f.replied = 0 THEN f.created_at END)',
        'max(CASE WHEN f.replied = 0 THEN f.created_at END)',
    ])


def _facts(d, where):
    """One row per live shared check-in matching `where`: what it is and what its
    responses did (the same definitions as api/attunement/summary.py)."""
    answers = 'FROM responses r WHERE r.checkin_id = c.id'
    others = f'{answers} AND r.author_id <> c.author_id'
    return f"""
        SELECT c.author_id, {d.quarter('c.recorded_at')} AS quarter, c.tone, c.energy,
            c.created_at,
            (SELECT count(*) {answers}) AS responses,
            (SELECT count(r.felt_heard) {answers}) AS rated,
            (SELECT count(*) {answers} AND r.felt_heard IS TRUE) AS heard,
            CASE WHEN EXISTS (SELECT 1 {others}) THEN 1 ELSE 0 END AS replied,
            CASE WHEN EXISTS (SELECT 1 {others}
                AND r.created_at <= {d.window_closes('c.created_at')}) THEN 1 ELSE 0 END
                AS answered_in_time,
            CASE WHEN (SELECT max(r.created_at) {others} AND r.felt_heard IS TRUE)
                > (SELECT min(r.created_at) {others} AND r.felt_heard IS FALSE)
                THEN 1 ELSE 0 END AS repairs
        FROM checkins c
        WHERE {where} AND c.visibility = 'partner' AND c.deleted_at IS NULL
    """


def _refresh(d, author, quarter):
    """SQL: recompute one author's quarter from its rows, in place.

    On PostgreSQL the quarter's row is made sure of and locked first, and recomputed by a
    later statement (a new snapshot under READ COMMITTED): a concurrent change of the same
    quarter waits, then sees this one committed - two recomputations never race to write
    what each saw alone. The row stays when the quarter empties (all zeros): deleting it
    would let a waiting writer find no row to lock.
    """
    inside = (f'c.author_id = {author} AND c.recorded_at >= {d.instant(quarter)} '
              f'AND c.recorded_at < {d.instant(f"{quarter} + 1")}')
    zeros = ', '.join(['0'] * (len(_columns()) - 4) + ['NULL', 'NULL'])
    lock = (f'PERFORM 1 FROM checkin_quarters WHERE author_id = {author} '
            f'AND quarter = {quarter} FOR UPDATE;' if d.postgresql else '')
    return f"""
        INSERT INTO checkin_quarters ({', '.join(_columns())})
        SELECT {author}, {quarter}, {zeros}
        WHERE EXISTS (SELECT 1 FROM users WHERE id = {author})
        ON CONFLICT (author_id, quarter) DO NOTHING;
        {lock}
        UPDATE checkin_quarters SET ({', '.join(_columns()[2:])}) = (
            SELECT {_sums()} FROM ({_facts(d, inside)}) f
        )
        WHERE author_id = {author} AND quarter = {quarter};
    """


def _posted(d, row):
    """SQL: a new check-in added to its quarter - it has no answers yet, so adding it is
    all there is to do, whatever else is being written to the quarter meanwhile."""
    quadrant = _quadrant_conditions(f'{row}.tone', f'{row}.energy')
    values = ', '.join([
        f'{row}.author_id', d.quarter(f'{row}.recorded_at'), '1', f'{row}.energy',
        *(f'CASE WHEN {quadrant[q]} THEN 1 ELSE 0 END' for q in QUADRANTS),
        *(f"CASE WHEN {row}.tone = '{t}' THEN 1 ELSE 0 END" for t in TONES),
        *('0' for _ in FACTS),
        f'{row}.created_at', f'{row}.created_at',
    ])
    added = ', '.join(
        f'{column} = checkin_quarters.{column} + excluded.{column}'
        for column in _columns()[2:-2]
    )
    kept, new = 'checkin_quarters', 'excluded'
    first = (f'CASE WHEN {kept}.open_from IS NULL OR {new}.open_from < {kept}.open_from '
             f'THEN {new}.open_from ELSE {kept}.open_from END')
    last = (f'CASE WHEN {kept}.open_until IS NULL OR {new}.open_until > {kept}.open_until '
            f'THEN {new}.open_until ELSE {kept}.open_until END')
    return f"""
        INSERT INTO checkin_quarters ({', '.join(_columns())})
        VALUES ({values})
        ON CONFLICT (author_id, quarter) DO UPDATE
        SET {added}, open_from = {first}, open_until = {last};
    """


def _backfill(d):
    return f"""
        INSERT INTO checkin_quarters ({', '.join(_columns())})
        SELECT f.author_id, f.quarter, {_sums()}
        FROM ({_facts(d, '1 = 1')}) f
        GROUP BY f.author_id, f.quarter
    """


# (trigger, table, event, condition, what it does: SQL for SQLite's body and for the
# PostgreSQL function; for the latter, a recomputation calls attune_refresh_quarter)
def _triggers(d):
    def own(row):
        return f'{row}.author_id', d.quarter(f'{row}.recorded_at')

    def answered(row):
        checkin = f'(SELECT {{}} FROM checkins WHERE id = {row}.checkin_id)'
        return checkin.format('author_id'), checkin.format(d.quarter('recorded_at'))

    def refresh(*pairs):
        if d.postgresql:
            return '\n'.join(f'PERFORM attune_refresh_quarter({author}, {quarter});'
                             for author, quarter in pairs)
        return '\n'.join(_refresh(d, author, quarter) for author, quarter in pairs)

    return [
        ('checkin_quarters_posted', 'checkins', 'INSERT',
         "NEW.visibility = 'partner' AND NEW.deleted_at IS NULL", _posted(d, 'NEW')),
        ('checkin_quarters_changed', 'checkins',
         'UPDATE OF author_id, tone, energy, visibility, recorded_at, created_at, deleted_at',
         None, refresh(own('OLD'), own('NEW'))),
        ('checkin_quarters_removed', 'checkins', 'DELETE',
         "OLD.visibility = 'partner' AND OLD.deleted_at IS NULL", refresh(own('OLD'))),
        ('checkin_quarters_answered', 'responses', 'INSERT', None, refresh(answered('NEW'))),
        ('checkin_quarters_rated', 'responses',
         'UPDATE OF checkin_id, author_id, felt_heard, created_at', None,
         refresh(answered('OLD'), answered('NEW'))),
        ('checkin_quarters_unanswered', 'responses', 'DELETE', None,
         refresh(answered('OLD'))),
    ]


def _create_triggers(d):
    if d.postgresql:
        op.execute(f"""
            CREATE FUNCTION attune_refresh_quarter(p_author uuid, p_quarter bigint)
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                {_refresh(d, 'p_author', 'p_quarter')}
            END
            $$
        """)
    for name, table, event, condition, body in _triggers(d):
        when = f'WHEN ({condition})' if condition else ''
        if d.postgresql:
            op.execute(f"""
                CREATE FUNCTION attune_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {body}
                    RETURN NULL;
                END
                $$
            """)
            op.execute(f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                       f'EXECUTE FUNCTION attune_{name}()')
        else:
            op.execute(f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                       f'BEGIN {body} END')


def _drop_triggers(d):
    for name, table, *_ in _triggers(d):
        if d.postgresql:
            op.execute(f'DROP TRIGGER {name} ON {table}')
            op.execute(f'DROP FUNCTION attune_{name}()')
        else:
            op.execute(f'DROP TRIGGER {name}')
    if d.postgresql:
        op.execute('DROP FUNCTION attune_refresh_quarter(uuid, bigint)')


def upgrade():
    d = Dialect(op.get_bind().dialect.name)
    count = dict(nullable=False)
    op.create_table(
        'checkin_quarters',
        sa.Column('author_id', sa.Uuid(), nullable=False),
        sa.Column('quarter', sa.BigInteger(), nullable=False),
        sa.Column('checkins', sa.Integer(), **count),
        sa.Column('energy', sa.Integer(), **count),
        *(sa.Column(name, sa.Integer(), **count) for name in QUADRANTS),
        *(sa.Column(f'tone_{tone}', sa.Integer(), **count) for tone in TONES),
        *(sa.Column(name, sa.Integer(), **count) for name in FACTS),
        sa.Column('open_from', sa.DateTime(timezone=True), nullable=True),
        sa.Column('open_until', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'],
                                name=op.f('fk_checkin_quarters_author_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('author_id', 'quarter', name=op.f('pk_checkin_quarters')),
    )
    op.execute(_backfill(d))
    _create_triggers(d)


def downgrade():
    _drop_triggers(Dialect(op.get_bind().dialect.name))
    op.drop_table('checkin_quarters')
