"""the daily question: a couple's question of a date, and each partner's answer

Revision ID: 0008_questions
Revises: 0007_shared_seq
Create Date: 2026-11-30 13:00:00.000000

A question belongs to the pairing it was asked in (couple_id); an answer to its author
(user_id): deleting the account deletes the answers, and the partner's stay.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_questions'
down_revision = '0007_shared_seq'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('couple_questions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('couple_id', sa.Uuid(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['couple_id'], ['couples.id'], name=op.f('fk_couple_questions_couple_id_couples'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_couple_questions')),
    sa.UniqueConstraint('couple_id', 'date', name='uq_couple_questions_couple_date')
    )
    op.create_table('question_answers',
    sa.Column('couple_question_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('length(text) BETWEEN 1 AND 1000', name=op.f('ck_question_answers_text_length')),
    sa.ForeignKeyConstraint(['couple_question_id'], ['couple_questions.id'], name=op.f('fk_question_answers_couple_question_id_couple_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_question_answers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('couple_question_id', 'user_id', name=op.f('pk_question_answers'))
    )
    with op.batch_alter_table('question_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_answers_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('question_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_answers_user_id'))

    op.drop_table('question_answers')
    op.drop_table('couple_questions')
