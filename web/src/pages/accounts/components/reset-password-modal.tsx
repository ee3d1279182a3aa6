import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '../../../api/client';
import type { Account } from '../../../api/types';
import { newPasswordRules } from '../../../lib/password-rules';
import { t } from '../../../locales';

interface Values {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: Account | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (account) {
      form.resetFields();
    }
  }, [account, form]);

  const submit = async () => {
    if (!account) {
      return;
    }
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      await unwrap(
        api.POST('/api/accounts/{id}/reset-password', {
          params: { path: { id: account.id } },
          body: { password: values.password },
        }),
      );
      message.success(t('account.reset.done', { username: account.username }));
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={t('account.reset.title', { username: account?.username ?? '' })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={440}
    >
      <Alert type="info" showIcon title={t('account.reset.hint')} style={{ marginBottom: 16 }} />
      <Form<Values> name="resetPassword" form={form} layout="vertical" autoComplete="off">
        <Form.Item name="password" label={t('account.field.newPassword')} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
