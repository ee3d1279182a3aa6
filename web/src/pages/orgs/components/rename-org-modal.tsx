import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, errorMessage, unwrap } from '../../../api/client';
import type { Org } from '../../../api/types';
import { t } from '../../../locales';
import { ORG_NAME_MAX, orgNameRules } from './org-name-rules';

interface Values {
  name: string;
}

export function RenameOrgModal({
  open,
  org,
  onClose,
  onRenamed,
}: {
  open: boolean;
  org: Org;
  onClose: () => void;
  onRenamed: (renamed: Org) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ name: org.name });
    }
  }, [open, org.name, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      const renamed = await unwrap(
        api.PATCH('/api/orgs/{id}', {
          params: { path: { id: org.id } },
          body: { name: values.name.trim() },
        }),
      );
      message.success(t('org.rename.done', { name: renamed.name }));
      onClose();
      await onRenamed(renamed);
    } catch (error) {
      if (error instanceof ApiError && error.field === 'name') {
        form.setFields([{ name: 'name', errors: [error.message] }]);
      }
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('org.rename.title', { name: org.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<Values> name="renameOrg" form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="name" label={t('org.field.name')} rules={orgNameRules}>
          <Input count={{ show: true, max: ORG_NAME_MAX }} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
