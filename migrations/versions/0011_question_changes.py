"""the daily question's changes in the sync log, written by triggers

Revision ID: 0011_question_changes
Revises: 0010_sync
Create Date: 2026-11-30 13:40:00.000000

Like the check-ins' (migration 0010): a question asked, an answer given or changed, is
logged for both members of the couple in the transaction of the change, whatever code
path made it, and at no cost of a statement to the request.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0011_question_changes'
down_revision = '0010_sync'
branch_labels = None
depends_on = None


def _log_question(question, at):
    return f"""
        INSERT INTO changes (user_id, kind, entity_id, couple_id, at)
        SELECT cm.user_id, 'question', cq.id, cq.couple_id, {at}
        FROM couple_questions cq
        JOIN couple_members cm ON cm.couple_id = cq.couple_id
        WHERE cq.id = {question};
    """


# (trigger, table, event, condition, body, PostgreSQL function)
TRIGGERS = [
    ('couple_questions_logged_asked', 'couple_questions', 'INSERT', None,
     _log_question('NEW.id', 'NEW.created_at'), 'attune_question_asked()'),
    ('question_answers_logged_given', 'question_answers', 'INSERT', None,
     _log_question('NEW.couple_question_id', 'NEW.answered_at'), 'attune_answer_given()'),
    ('question_answers_logged_changed', 'question_answers', 'UPDATE OF text',
     'OLD.text <> NEW.text',
     _log_question('NEW.couple_question_id', 'NEW.changed_at'), 'attune_answer_changed()'),
]


def upgrade():
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for name, table, event, condition, body, function in TRIGGERS:
        when = f'WHEN ({condition})' if condition else ''
        if postgresql:
            op.execute(f"""
                CREATE FUNCTION {function} RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {body}
                    RETURN NULL;
                END
                $$
            """)
            op.execute(
                f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                f'EXECUTE FUNCTION {function}'
            )
        else:
            op.execute(
                f'CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW {when} '
                f'BEGIN {body} END'
            )


def downgrade():
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for name, table, *_, function in TRIGGERS:
        op.execute(f'DROP TRIGGER {name} ON {table}' if postgresql else f'DROP TRIGGER {name}')
        if postgresql:
            op.execute(f'DROP FUNCTION {function}')
