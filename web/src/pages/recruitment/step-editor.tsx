import { Alert, App, Button, Drawer, Form, Input, Popconfirm, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import {
  recruitmentKeys,
  type DossierDetail,
  type StepPreview,
  type StepView,
} from '../../api/recruitment';
import { rt } from '../../locales/zh-CN/recruitment';
import { FindingLine } from './shared';
import { StepFields, toRecord, toValues, type StepFormValues } from './step-form';

/** Enter or change one step; the rule engine's verdict shows before anything is saved. */
export function StepEditor({
  dossier,
  step,
  onClose,
}: {
  dossier: DossierDetail;
  step: StepView;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepFormValues>();
  const [preview, setPreview] = useState<StepPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);

  const runPreview = () => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
    }
    timer.current = setTimeout(() => {
      const record = toRecord(step.step, form.getFieldsValue(true) as StepFormValues);
      const mine = ++seq.current;
      setChecking(true);
      unwrap(
        api.POST('/api/recruitment/dossiers/{id}/preview', {
          params: { path: { id: dossier.id } },
          body: { stepKey: step.step, record },
        }),
      )
        .then((result) => {
          if (mine === seq.current) {
            setPreview(result);
          }
        })
        .catch((error: unknown) => {
          if (mine === seq.current) {
            message.error(errorMessage(error));
          }
        })
        .finally(() => {
          if (mine === seq.current) {
            setChecking(false);
          }
        });
    }, 350);
  };

  useEffect(() => {
    form.setFieldsValue({
      ...toValues(step.entry?.fields ?? null),
      documentRef: step.entry?.documentRef ?? undefined,
      lateReason: step.entry?.lateReason ?? undefined,
      flagReason: step.entry?.flagReason ?? undefined,
    });
    if (step.entry !== null) {
      runPreview();
    }
    return () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
      }
    };
    // Once per opened step.
  }, [step.step]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
  };

  const save = async (flagged: boolean) => {
    const values = await form.validateFields();
    if (flagged && !values.flagReason?.trim()) {
      form.setFields([{ name: 'flagReason', errors: ['保存并标记问题须填写原因'] }]);
      return;
    }
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/recruitment/dossiers/{id}/steps/{stepKey}', {
          params: { path: { id: dossier.id, stepKey: step.step } },
          body: {
            record: toRecord(step.step, values),
            ...(values.documentRef ? { documentRef: values.documentRef } : {}),
            ...(values.lateReason ? { lateReason: values.lateReason } : {}),
            ...(flagged && values.flagReason ? { flagReason: values.flagReason } : {}),
          },
        }),
      );
      message.success(rt('recruitment.editor.saved'));
      await refresh();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setSaving(true);
    try {
      await unwrap(
        api.DELETE('/api/recruitment/dossiers/{id}/steps/{stepKey}', {
          params: { path: { id: dossier.id, stepKey: step.step } },
        }),
      );
      await refresh();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const blocking = preview?.blocking ?? [];
  const window = preview?.window ?? step.window;
  const invalid = preview?.invalid ?? null;
  const warnings = (preview?.introduced ?? []).filter((f) => f.severity !== 'error');

  return (
    <Drawer
      open
      size={640}
      title={rt('recruitment.editor.title', { index: step.index, title: step.title })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space>
            <Button
              type="primary"
              loading={saving}
              disabled={blocking.length > 0 || invalid !== null || checking}
              onClick={() => void save(false).catch(() => undefined)}
            >
              {rt('recruitment.editor.save')}
            </Button>
            {blocking.length > 0 ? (
              <Button
                danger
                loading={saving}
                onClick={() => void save(true).catch(() => undefined)}
              >
                {rt('recruitment.editor.saveFlagged')}
              </Button>
            ) : null}
          </Space>
          {step.entry !== null ? (
            <Popconfirm title="删除此步骤的记录？" onConfirm={() => void remove()}>
              <Button danger type="text">
                {rt('recruitment.editor.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          window === null
            ? '前一步骤尚未办理，暂不能推算此步骤的日期'
            : `${rt('recruitment.step.window')}：${window.earliest ?? '—'} 至 ${window.latest ?? '不限'}${window.note ? `（${window.note}${window.rule ? `，${window.rule}` : ''}）` : ''}`
        }
        data-testid="step-window"
      />
      <Form<StepFormValues>
        name="stepEditor"
        form={form}
        layout="vertical"
        onValuesChange={() => runPreview()}
      >
        <StepFields step={step.step} />
        {preview?.requiresLateReason ? (
          <Form.Item
            name="lateReason"
            label={rt('recruitment.editor.lateReason')}
            extra={`步骤日期距今 ${preview.lateDays ?? 0} 天，超过 ${preview.lateEntryDays} 天属于补录`}
            rules={[{ required: true, whitespace: true, message: '补录须填写原因' }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        {blocking.length > 0 ? (
          <Form.Item
            name="flagReason"
            label={rt('recruitment.editor.flagReason')}
            extra="确需按现状保存时填写，问题标记会一直显示"
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>

      <div data-testid="step-preview">
        {checking ? (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{rt('recruitment.editor.checking')}</Typography.Text>
          </Space>
        ) : null}
        {invalid !== null ? <Alert type="error" showIcon title={invalid} /> : null}
        {preview !== null && invalid === null && blocking.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={rt('recruitment.editor.blocking')}
            description={blocking.map((f, i) => (
              <FindingLine key={i} finding={f} />
            ))}
          />
        ) : null}
        {preview !== null && warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={rt('recruitment.editor.introduced')}
            description={warnings.map((f, i) => (
              <FindingLine key={i} finding={f} />
            ))}
          />
        ) : null}
        {preview !== null && (preview.resolved.length ?? 0) > 0 ? (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 8 }}
            title={rt('recruitment.editor.resolved')}
            description={preview.resolved.map((f, i) => (
              <FindingLine key={i} finding={f} />
            ))}
          />
        ) : null}
        {preview !== null && invalid === null && blocking.length === 0 && warnings.length === 0 ? (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 8 }}
            title={rt('recruitment.editor.ok')}
          />
        ) : null}
      </div>
    </Drawer>
  );
}
