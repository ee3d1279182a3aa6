import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, errorMessage, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { Account, Org, Role, RoleInfo } from '../../../api/types';
import { buildOrgForest, toTreeSelectData } from '../../../lib/org-tree';
import { passwordRules } from '../../../lib/password-rules';
import { t, tOr } from '../../../locales';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  password: string;
  disabled: boolean;
}

const FIELDS = ['username', 'displayName', 'role', 'scopeOrgId', 'password', 'disabled'] as const;

function isField(name: string | undefined): name is (typeof FIELDS)[number] {
  return FIELDS.some((field) => field === name);
}

/** Creates an account (account = null) or edits one. */
export function AccountFormModal({
  open,
  account,
  orgs,
  roles,
  onClose,
}: {
  open: boolean;
  account: Account | null;
  orgs: readonly Org[];
  roles: readonly RoleInfo[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const treeData = useMemo(() => toTreeSelectData(buildOrgForest(orgs)), [orgs]);

  useEffect(() => {
    if (!open) {
      return;
    }
    form.resetFields();
    if (account) {
      form.setFieldsValue({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        scopeOrgId: account.scopeOrgId,
        disabled: account.disabled,
      });
    }
  }, [open, account, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      if (account) {
        const saved = await unwrap(
          api.PATCH('/api/accounts/{id}', {
            params: { path: { id: account.id } },
            body: {
              displayName: values.displayName.trim(),
              role: values.role,
              scopeOrgId: values.scopeOrgId,
              disabled: values.disabled,
            },
          }),
        );
        message.success(t('account.edit.done', { username: saved.username }));
      } else {
        const created = await unwrap(
          api.POST('/api/accounts', {
            body: {
              username: values.username.trim(),
              displayName: values.displayName.trim(),
              role: values.role,
              scopeOrgId: values.scopeOrgId,
              password: values.password,
            },
          }),
        );
        message.success(t('account.create.done', { username: created.username }));
      }
      onClose();
      await queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
    } catch (error) {
      if (error instanceof ApiError && isField(error.field)) {
        form.setFields([{ name: error.field, errors: [error.message] }]);
      }
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        account
          ? t('account.edit.title', { username: account.username })
          : t('account.create.title')
      }
      okText={account ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={520}
    >
      <Form<Values>
        name="account"
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        autoComplete="off"
        initialValues={{ disabled: false }}
      >
        <Form.Item
          name="username"
          label={t('account.field.username')}
          rules={
            account
              ? []
              : [
                  { required: true, message: t('account.validation.usernameRequired') },
                  {
                    pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/,
                    message: t('account.validation.usernamePattern'),
                  },
                ]
          }
        >
          <Input disabled={account !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('account.field.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('account.validation.displayNameRequired'),
            },
            { max: 20, message: t('account.validation.displayNameTooLong') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('account.field.role')}
          rules={[{ required: true, message: t('account.validation.roleRequired') }]}
        >
          <Select
            placeholder={t('account.validation.roleRequired')}
            options={roles
              .filter((info) => info.grantable)
              .map((info) => ({
                value: info.role,
                label: tOr(`account.role.${info.role}`, info.label),
              }))}
          />
        </Form.Item>
        <Form.Item
          name="scopeOrgId"
          label={t('account.field.scope')}
          rules={[{ required: true, message: t('account.validation.scopeRequired') }]}
        >
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeData={treeData}
            treeDefaultExpandedKeys={treeData.map((node) => node.value)}
            placeholder={t('account.validation.scopeRequired')}
          />
        </Form.Item>
        {account ? (
          <Form.Item
            name="disabled"
            label={t('account.edit.disabled')}
            valuePropName="checked"
            extra={t('account.edit.disabledHint')}
          >
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('account.field.password')}
            rules={passwordRules(t('account.validation.passwordRequired'))}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
