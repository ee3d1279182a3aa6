import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';

interface Values {
  lateEntryDays: number;
  batchMinSteps: number;
  batchWindowMinutes: number;
  publicNoticeWorkdays: number;
  applicationToActivistMinMonths: number;
  publicNoticeCheck: boolean;
}

/** 本县设置: the 补录 threshold and the local rule options; only the county may change them. */
export function SettingsCard() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const settings = useQuery({
    queryKey: ['recruitment', 'settings'],
    queryFn: () => unwrap(api.GET('/api/recruitment/settings')),
  });
  const s = settings.data;
  if (s === undefined) {
    return null;
  }
  const save = async () => {
    const v = await form.validateFields();
    try {
      await unwrap(
        api.PUT('/api/recruitment/settings', {
          body: {
            backdating: {
              lateEntryDays: v.lateEntryDays,
              batchMinSteps: v.batchMinSteps,
              batchWindowMinutes: v.batchWindowMinutes,
            },
            rules: {
              publicNoticeWorkdays: v.publicNoticeWorkdays,
              applicationToActivistMinMonths: v.applicationToActivistMinMonths,
              publicNoticeCheck: v.publicNoticeCheck,
            },
          },
        }),
      );
      message.success('设置已保存，全部档案按新口径重新检查');
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['recruitment'] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Card
      size="small"
      title="本县设置"
      extra={
        me.role === 'countyAdmin' && !editing ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ ...s.backdating, ...s.rules });
              setEditing(true);
            }}
          >
            修改
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form<Values> form={form} name="recruitmentSettings" layout="inline">
          <Form.Item name="lateEntryDays" label="补录天数">
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item name="batchMinSteps" label="集中补录步骤数">
            <InputNumber min={2} max={25} />
          </Form.Item>
          <Form.Item name="batchWindowMinutes" label="一次录入间隔（分钟）">
            <InputNumber min={1} max={1440} />
          </Form.Item>
          <Form.Item name="publicNoticeWorkdays" label="公示工作日数">
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="applicationToActivistMinMonths" label="申请至积极分子最少月数">
            <InputNumber min={0} max={24} />
          </Form.Item>
          <Form.Item name="publicNoticeCheck" label="检查公示" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => void save().catch(() => undefined)}>
              保存
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      ) : (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="补录天数">
            超过 {s.backdating.lateEntryDays} 天
          </Descriptions.Item>
          <Descriptions.Item label="集中补录">
            {s.backdating.batchMinSteps} 个步骤以上，间隔不超过 {s.backdating.batchWindowMinutes}{' '}
            分钟
          </Descriptions.Item>
          <Descriptions.Item label="公示">
            {s.rules.publicNoticeCheck
              ? `不少于 ${s.rules.publicNoticeWorkdays} 个工作日`
              : '不检查'}
          </Descriptions.Item>
          <Descriptions.Item label="申请至积极分子">
            {s.rules.applicationToActivistMinMonths > 0
              ? `满 ${s.rules.applicationToActivistMinMonths} 个月`
              : '无最少月数'}
          </Descriptions.Item>
          <Descriptions.Item label="2026 修订">
            {s.rules.enable2026Revision ? '已启用' : '未启用（正文待核实）'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        公示天数：{s.sources['publicNoticeWorkdays']}
      </Typography.Text>
    </Card>
  );
}
