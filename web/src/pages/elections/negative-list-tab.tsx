import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  useCreateNegativeItem,
  useDeleteNegativeItem,
  useNegativeItems,
  useUpdateNegativeItem,
  type NegativeItem,
  type NegativeItemInput,
} from '../../api/elections';
import { useMe } from '../../auth/session';
import { et } from '../../locales/zh-CN/elections';

const SCOPES: { value: NegativeItemInput['appliesTo']; label: string }[] = [
  { value: 'both', label: '党组织和村民委员会' },
  { value: '党组织委员会', label: '仅党组织委员会' },
  { value: '村民委员会', label: '仅村民委员会' },
];

/** 负面清单 settings: the county keeps the list, every role reads it. */
export function NegativeListTab() {
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.role === 'countyAdmin';
  const items = useNegativeItems();
  const update = useUpdateNegativeItem();
  const remove = useDeleteNegativeItem();
  const [editing, setEditing] = useState<NegativeItem | 'new' | null>(null);

  const run = async (work: Promise<unknown>, done: string) => {
    try {
      await work;
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={et('elections.negative.intro')}
        description={
          canWrite ? et('elections.negative.writeNote') : et('elections.negative.readOnly')
        }
      />
      {canWrite ? (
        <Button type="primary" onClick={() => setEditing('new')}>
          {et('elections.negative.add')}
        </Button>
      ) : null}
      <Table<NegativeItem>
        size="small"
        rowKey="key"
        loading={items.isLoading}
        pagination={false}
        dataSource={items.data ?? []}
        rowClassName={(r) => (r.active ? '' : 'zg-election-disabled')}
        columns={[
          { title: et('elections.negative.order'), dataIndex: 'sortOrder', width: 60 },
          {
            title: et('elections.negative.label'),
            render: (_, r) => (
              <span>
                {r.label}
                {r.active ? null : (
                  <Tag style={{ marginLeft: 8 }}>{et('elections.negative.disabled')}</Tag>
                )}
              </span>
            ),
          },
          {
            title: et('elections.negative.appliesTo'),
            width: 150,
            render: (_, r) => SCOPES.find((s) => s.value === r.appliesTo)?.label,
          },
          {
            title: et('elections.negative.source'),
            render: (_, r) => (
              <span>
                <Typography.Text type="secondary">{r.source}</Typography.Text>{' '}
                {r.verified ? (
                  <Tag color="green">{et('elections.negative.verified')}</Tag>
                ) : (
                  <Tag color="orange">{et('elections.negative.unverified')}</Tag>
                )}
              </span>
            ),
          },
          {
            title: et('elections.negative.used'),
            width: 90,
            render: (_, r) => (r.used ? et('elections.negative.usedYes') : '—'),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  width: 190,
                  render: (_: unknown, r: NegativeItem) => (
                    <Space size="small">
                      <Button size="small" onClick={() => setEditing(r)}>
                        {et('elections.negative.edit')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          void run(
                            update.mutateAsync({ key: r.key, patch: { active: !r.active } }),
                            r.active
                              ? et('elections.negative.disabledDone')
                              : et('elections.negative.enabledDone'),
                          )
                        }
                      >
                        {r.active
                          ? et('elections.negative.disable')
                          : et('elections.negative.enable')}
                      </Button>
                      {r.used ? null : (
                        <Popconfirm
                          title={et('elections.negative.deleteConfirm')}
                          onConfirm={() =>
                            void run(remove.mutateAsync(r.key), et('elections.negative.deleted'))
                          }
                        >
                          <Button size="small" danger>
                            {et('elections.negative.delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing === null ? null : (
        <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}

function ItemModal({ item, onClose }: { item: NegativeItem | null; onClose: () => void }) {
  const { message } = App.useApp();
  const create = useCreateNegativeItem();
  const update = useUpdateNegativeItem();
  const [form] = Form.useForm<NegativeItemInput & { sortOrder?: number }>();
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (item === null) {
        await create.mutateAsync(values);
      } else {
        await update.mutateAsync({ key: item.key, patch: values });
      }
      message.success(et('elections.negative.saved'));
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={item === null ? et('elections.negative.add') : et('elections.negative.edit')}
      okText={et('elections.negative.save')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      {item?.used === true ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={et('elections.negative.usedNote')}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item ?? { label: '', source: '', verified: false, appliesTo: 'both' as const }
        }
      >
        <Form.Item
          name="label"
          label={et('elections.negative.label')}
          rules={[{ required: true, message: et('elections.negative.labelRequired') }]}
        >
          <Input id="negative-label" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="source"
          label={et('elections.negative.source')}
          extra={et('elections.negative.sourceHelp')}
          rules={[{ required: true, message: et('elections.negative.sourceRequired') }]}
        >
          <Input.TextArea id="negative-source" maxLength={200} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="appliesTo" label={et('elections.negative.appliesTo')}>
          <Select options={SCOPES} />
        </Form.Item>
        <Form.Item
          name="verified"
          label={et('elections.negative.verifiedLabel')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {item === null ? null : (
          <Form.Item name="sortOrder" label={et('elections.negative.order')}>
            <InputNumber min={1} max={999} precision={0} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
