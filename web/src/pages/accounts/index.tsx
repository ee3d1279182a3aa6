import { KeyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useAccounts, useOrgs, useRoles } from '../../api/queries';
import { canManage, type Account } from '../../api/types';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t, tOr } from '../../locales';
import { AccountFormModal } from './components/account-form-modal';
import { ResetPasswordModal } from './components/reset-password-modal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: Account } | null;

export function AccountsPage() {
  const me = useMe();
  const accounts = useAccounts();
  const orgs = useOrgs();
  const roles = useRoles();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = canManage(me.role);

  const rows = useMemo(() => {
    const keyword = search.trim().toLowerCase();
    const all = accounts.data ?? [];
    return keyword
      ? all.filter(
          (account) =>
            account.username.toLowerCase().includes(keyword) ||
            account.displayName.includes(keyword),
        )
      : all;
  }, [accounts.data, search]);

  if (accounts.isError) {
    return <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />;
  }

  return (
    <div>
      <PageHeader
        title={t('account.page.title')}
        description={t('account.page.description')}
        extra={
          editable ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('account.action.create')}
            </Button>
          ) : null
        }
      />
      {!editable ? (
        <Alert type="info" showIcon title={t('common.readOnlyHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('account.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <Typography.Text type="secondary">
            {t('account.total', { count: accounts.data?.length ?? 0 })}
          </Typography.Text>
        </Space>
        <Table<Account>
          rowKey="id"
          loading={accounts.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: t('account.field.username'),
              dataIndex: 'username',
              render: (username: string, account) => (
                <span>
                  <Typography.Text code>{username}</Typography.Text>
                  {account.id === me.id ? (
                    <Typography.Text type="secondary">{t('account.self')}</Typography.Text>
                  ) : null}
                </span>
              ),
            },
            { title: t('account.field.displayName'), dataIndex: 'displayName' },
            {
              title: t('account.field.role'),
              dataIndex: 'role',
              render: (_role: Account['role'], account) =>
                tOr(`account.role.${account.role}`, account.roleLabel),
            },
            { title: t('account.field.scope'), dataIndex: 'scopeOrgName' },
            {
              title: t('account.field.status'),
              dataIndex: 'disabled',
              width: 90,
              render: (disabled: boolean) =>
                disabled ? (
                  <Tag>{t('account.status.disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('account.status.active')}</Tag>
                ),
            },
            {
              title: t('account.field.lastLoginAt'),
              dataIndex: 'lastLoginAt',
              width: 160,
              render: (at: string | null) =>
                at ? (
                  dayjs(at).format('YYYY-MM-DD HH:mm')
                ) : (
                  <Typography.Text type="secondary">{t('account.lastLogin.never')}</Typography.Text>
                ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 190,
                    render: (_value: unknown, account: Account) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setDialog({ kind: 'edit', account })}
                        >
                          {t('account.action.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          icon={<KeyOutlined />}
                          onClick={() => setDialog({ kind: 'reset', account })}
                        >
                          {t('account.action.resetPassword')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <AccountFormModal
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        account={dialog?.kind === 'edit' ? dialog.account : null}
        orgs={orgs.data ?? []}
        roles={roles.data ?? []}
        onClose={() => setDialog(null)}
      />
      <ResetPasswordModal
        account={dialog?.kind === 'reset' ? dialog.account : null}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
