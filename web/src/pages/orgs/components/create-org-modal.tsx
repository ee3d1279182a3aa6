import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, errorMessage, unwrap } from '../../../api/client';
import type { Org, OrgKind, OrgKindInfo } from '../../../api/types';
import { t } from '../../../locales';
import { kindLabel } from './org-detail';
import { ORG_NAME_MAX, orgNameRules } from './org-name-rules';

interface Values {
  name: string;
  kind: OrgKind;
}

export function CreateOrgModal({
  open,
  parent,
  allowedKinds,
  kinds,
  onClose,
  onCreated,
}: {
  open: boolean;
  parent: Org;
  allowedKinds: readonly OrgKind[];
  kinds: readonly OrgKindInfo[];
  onClose: () => void;
  onCreated: (created: Org) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      // One possible kind (e.g. 党小组 under a 党支部): choose it for the user.
      if (allowedKinds.length === 1) {
        form.setFieldValue('kind', allowedKinds[0]);
      }
    }
  }, [open, allowedKinds, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      const created = await unwrap(
        api.POST('/api/orgs', {
          body: { parentId: parent.id, name: values.name.trim(), kind: values.kind },
        }),
      );
      message.success(t('org.create.done', { name: created.name }));
      onClose();
      await onCreated(created);
    } catch (error) {
      if (error instanceof ApiError && (error.field === 'name' || error.field === 'kind')) {
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
      title={t('org.create.title', { parent: parent.name })}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        name="createOrg"
        form={form}
        layout="vertical"
        requiredMark
        onFinish={() => void submit()}
      >
        <Form.Item
          name="kind"
          label={t('org.field.kind')}
          rules={[{ required: true, message: t('org.validation.kindRequired') }]}
        >
          <Select
            placeholder={t('org.validation.kindRequired')}
            options={allowedKinds.map((kind) => ({ value: kind, label: kindLabel(kind, kinds) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('org.field.name')} rules={orgNameRules}>
          <Input
            placeholder={t('org.validation.namePlaceholder')}
            count={{ show: true, max: ORG_NAME_MAX }}
            autoComplete="off"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
