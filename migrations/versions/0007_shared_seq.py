"""a running number for each author's shared check-ins

Revision ID: 0007_shared_seq
Revises: 0006_locale
Create Date: 2026-11-30 12:15:00.000000

The prompts turn their wording with it (API.md "Attunement prompts", rule 8). Existing
shared check-ins are numbered in the order they were recorded.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_shared_seq'
down_revision = '0006_locale'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared_seq', sa.Integer(), nullable=True))
    checkins = sa.table(
        'checkins',
        sa.column('id', sa.Uuid()),
        sa.column('author_id', sa.Uuid()),
        sa.column('visibility', sa.String()),
        sa.column('recorded_at', sa.DateTime()),
        sa.column('shared_seq', sa.Integer()),
    )
    numbered = (
        sa.select(
            checkins.c.id,
            sa.func.row_number()
            .over(
                partition_by=checkins.c.author_id,
                order_by=(checkins.c.recorded_at, checkins.c.id),
            )
            .label('seq'),
        )
        .where(checkins.c.visibility == 'partner')
        .subquery()
    )
    op.execute(
        checkins.update()
        .where(checkins.c.id == numbered.c.id)
        .values(shared_seq=numbered.c.seq)
    )


def downgrade():
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_column('shared_seq')
