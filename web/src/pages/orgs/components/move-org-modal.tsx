import { Alert, App, Form, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage, unwrap } from '../../../api/client';
import type { Org, OrgKindInfo } from '../../../api/types';
import { buildOrgForest, subtreeIds, toTreeSelectData } from '../../../lib/org-tree';
import { t } from '../../../locales';
import { kindLabel } from './org-detail';

interface Values {
  parentId: number;
}

export function MoveOrgModal({
  open,
  org,
  orgs,
  kinds,
  onClose,
  onMoved,
}: {
  open: boolean;
  org: Org;
  orgs: readonly Org[];
  kinds: readonly OrgKindInfo[];
  onClose: () => void;
  onMoved: (moved: Org) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  // Parents that could hold this kind of org; its own subtree and current parent are greyed out.
  // The server checks the same rules and its message is shown if it still refuses.
  const treeData = useMemo(() => {
    const own = subtreeIds(orgs, org.id);
    const canHold = (candidate: Org) =>
      kinds.find((info) => info.kind === candidate.kind)?.allowedChildren.includes(org.kind) ??
      true;
    return toTreeSelectData(
      buildOrgForest(orgs),
      (candidate) => own.has(candidate.id) || candidate.id === org.parentId || !canHold(candidate),
    );
  }, [orgs, org, kinds]);

  useEffect(() => {
    if (open) {
      form.resetFields();
    }
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    try {
      const moved = await unwrap(
        api.POST('/api/orgs/{id}/move', {
          params: { path: { id: org.id } },
          body: { parentId: values.parentId },
        }),
      );
      message.success(t('org.move.done', { name: moved.name }));
      onClose();
      await onMoved(moved);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('org.move.title', { name: org.name })}
      okText={t('org.action.move')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Alert
        type="info"
        showIcon
        title={t('org.move.hint', { kind: kindLabel(org.kind, kinds) })}
        style={{ marginBottom: 16 }}
      />
      <Form<Values> name="moveOrg" form={form} layout="vertical">
        <Form.Item
          name="parentId"
          label={t('org.move.newParent')}
          rules={[{ required: true, message: t('org.move.newParentRequired') }]}
        >
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={treeData}
            placeholder={t('org.move.newParentRequired')}
            styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
