"""a language for each user

Revision ID: 0006_locale
Revises: 0005_caller_notifications
Create Date: 2026-11-30 12:40:00.000000

Existing accounts read English, the only language there was.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_locale'
down_revision = '0005_caller_notifications'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('locale', sa.String(length=8), nullable=False, server_default='en')
        )


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('locale')
