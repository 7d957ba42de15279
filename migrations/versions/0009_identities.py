"""sign in with Apple and Google: identities, used nonces, Apple revocations

Revision ID: 0009_identities
Revises: 0008_questions
Create Date: 2026-12-01 10:00:00.000000

Accounts made through a provider may have no password and, without a verified email,
no email: both columns of `users` become nullable. Linking or unlinking an identity
changes what a worker remembers of the caller (`identities` on the user), so the
caller-notification trigger of 0005 also watches `identities` (PostgreSQL only).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_identities'
down_revision = '0008_questions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('identities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('provider', sa.String(length=10), nullable=False),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('client_id', sa.String(length=255), nullable=True),
    sa.Column('refresh_token_encrypted', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_identities_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identities')),
    sa.UniqueConstraint('issuer', 'subject', name='uq_identities_issuer_subject'),
    sa.UniqueConstraint('user_id', 'provider', name='uq_identities_user_id_provider')
    )
    op.create_table('used_nonces',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_used_nonces'))
    )
    with op.batch_alter_table('used_nonces', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_nonces_expires_at'), ['expires_at'], unique=False)

    # No foreign key to users on purpose: the account is gone when Apple is asked.
    op.create_table('apple_revocations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('client_id', sa.String(length=255), nullable=False),
    sa.Column('token_encrypted', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_apple_revocations'))
    )
    with op.batch_alter_table('apple_revocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_apple_revocations_next_attempt_at'), ['next_attempt_at'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=True)
        batch_op.alter_column('password_hash', existing_type=sa.String(length=255), nullable=True)

    if op.get_bind().dialect.name == 'postgresql':
        # The function comes from 0005: NOTIFY attune_callers with the row's user id.
        op.execute(
            'CREATE TRIGGER identities_changed AFTER INSERT OR DELETE ON identities '
            "FOR EACH ROW EXECUTE FUNCTION attune_caller_changed('user_id')"
        )


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER identities_changed ON identities')

    # Accounts without a password or email cannot live in the older schema. Deleting
    # people's data is not a migration's call: stop and let the operator decide.
    stranded = op.get_bind().execute(
        sa.text('SELECT count(*) FROM users WHERE password_hash IS NULL OR email IS NULL')
    ).scalar()
    if stranded:
        raise RuntimeError(
            f'{stranded} accounts sign in only through Apple or Google or have no email; '
            'the schema before 0007 cannot hold them. Delete them first to downgrade.'
        )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('password_hash', existing_type=sa.String(length=255), nullable=False)
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=False)

    with op.batch_alter_table('apple_revocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_apple_revocations_next_attempt_at'))

    op.drop_table('apple_revocations')
    with op.batch_alter_table('used_nonces', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_used_nonces_expires_at'))

    op.drop_table('used_nonces')
    op.drop_table('identities')
