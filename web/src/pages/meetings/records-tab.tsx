import { DeleteOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../api/client';
import {
  download,
  useBranchMembers,
  useCreateMeeting,
  useDeleteMeeting,
  useMeetings,
  type MeetingKind,
  type MeetingSummary,
} from '../../api/meetings';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth/session';
import { mt } from '../../locales/zh-CN/meetings';
import { KIND_LABELS, KIND_ORDER, yearOptions } from './shared';

const DEFAULT_HOURS: Record<MeetingKind, number> = {
  branchAssembly: 1.5,
  committeeMeeting: 0,
  groupMeeting: 1,
  partyLecture: 2,
  themeDay: 2,
  lifeMeeting: 2,
  memberAppraisal: 1,
};

const WRITE_ROLES = ['countyAdmin', 'townshipOrganizer', 'branchSecretary'];

function today(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
}

interface FormValues {
  orgId: number;
  kind: MeetingKind;
  date: string;
  groupOrgId?: number;
  topic: string;
  presenterPersonId?: number;
  studyHours: number;
  minutes?: string;
  decisions?: string;
}

function QuickEntry() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const orgs = useOrgs();
  const branches = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'branch'), [orgs.data]);
  const orgId = Form.useWatch('orgId', form);
  const kind = Form.useWatch('kind', form);
  const members = useBranchMembers(orgId);
  const [present, setPresent] = useState<number[]>([]);
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const create = useCreateMeeting();

  useEffect(() => {
    if (orgId === undefined && branches[0]) {
      form.setFieldValue('orgId', branches[0].id);
    }
  }, [branches, orgId, form]);
  useEffect(() => {
    setPresent((members.data?.members ?? []).map((m) => m.personId));
    setReasons({});
  }, [members.data]);

  const all = members.data?.members ?? [];
  const absent = all.filter((m) => !present.includes(m.personId));

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await create.mutateAsync({
        orgId: v.orgId,
        kind: v.kind,
        date: v.date,
        groupOrgId: v.kind === 'groupMeeting' ? (v.groupOrgId ?? null) : null,
        topic: v.topic,
        presenterPersonId: v.presenterPersonId ?? null,
        studyHours: v.studyHours,
        minutes: v.minutes ?? '',
        decisions: v.decisions ?? '',
        attendees: present.map((personId) => ({ personId })),
        absentees: absent.map((m) => ({
          personId: m.personId,
          reason: reasons[m.personId] ?? null,
        })),
      });
      message.success(mt('meetings.record.saved', { kind: saved.kindLabel, date: saved.date }));
      form.setFieldsValue({ topic: '', minutes: '', decisions: '', presenterPersonId: undefined });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Card size="small" title={mt('meetings.record.new')}>
      <div onKeyDown={onKeyDown}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          size="middle"
          initialValues={{ kind: 'themeDay', date: today(), studyHours: DEFAULT_HOURS.themeDay }}
          onValuesChange={(changed: Partial<FormValues>) => {
            if (changed.kind !== undefined) {
              form.setFieldValue('studyHours', DEFAULT_HOURS[changed.kind]);
            }
          }}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="orgId"
                label={mt('meetings.record.branch')}
                rules={[{ required: true }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={branches.map((b) => ({ value: b.id, label: b.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item
                name="kind"
                label={mt('meetings.record.kind')}
                rules={[{ required: true }]}
              >
                <Select options={KIND_ORDER.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item
                name="date"
                label={mt('meetings.record.date')}
                rules={[{ required: true, message: '请填写日期' }]}
              >
                <Input type="date" max={today()} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item
                name="studyHours"
                label={mt('meetings.record.hours')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={24} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {kind === 'groupMeeting' ? (
              <Col xs={12} md={3}>
                <Form.Item
                  name="groupOrgId"
                  label={mt('meetings.record.group')}
                  rules={[{ required: true, message: '请选择党小组' }]}
                >
                  <Select
                    options={(members.data?.groups ?? []).map((g) => ({
                      value: g.id,
                      label: g.name,
                    }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item
                name="topic"
                label={mt('meetings.record.topic')}
                rules={[{ required: true, message: '请填写主题' }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="presenterPersonId" label={mt('meetings.record.presenter')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={all.map((m) => ({ value: m.personId, label: m.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={mt('meetings.record.attendees')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Button size="small" onClick={() => setPresent(all.map((m) => m.personId))}>
                  {mt('meetings.record.allPresent')}
                </Button>
                <Typography.Text type="secondary">
                  {mt('meetings.record.count', { present: present.length, absent: absent.length })}
                </Typography.Text>
              </Space>
              <Checkbox.Group
                className="zg-ml-members"
                value={present}
                onChange={(v) => setPresent(v)}
                options={all.map((m) => ({ value: m.personId, label: m.name }))}
              />
            </Space>
          </Form.Item>
          {absent.length > 0 ? (
            <Form.Item label={mt('meetings.record.absentees')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {absent.map((m) => (
                  <Space key={m.personId}>
                    <span style={{ display: 'inline-block', width: 72 }}>{m.name}</span>
                    <Input
                      size="small"
                      aria-label={`${m.name} ${mt('meetings.record.reason')}`}
                      placeholder={mt('meetings.record.reason')}
                      value={reasons[m.personId] ?? ''}
                      onChange={(e) => setReasons({ ...reasons, [m.personId]: e.target.value })}
                      style={{ width: 260 }}
                    />
                  </Space>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="minutes" label={mt('meetings.record.minutes')}>
                <Input.TextArea rows={3} maxLength={20000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="decisions" label={mt('meetings.record.decisions')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" loading={create.isPending} onClick={() => void submit()}>
            {mt('meetings.record.save')}
          </Button>
        </Form>
      </div>
    </Card>
  );
}

export function RecordsTab({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const canWrite = WRITE_ROLES.includes(me.role);
  const [kind, setKind] = useState<MeetingKind | undefined>(undefined);
  const list = useMeetings({ year, kind });
  const remove = useDeleteMeeting();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canWrite ? <QuickEntry /> : null}
      <Space wrap>
        <Select
          aria-label={mt('meetings.year')}
          value={year}
          options={yearOptions()}
          onChange={onYear}
          style={{ width: 110 }}
        />
        <Select
          allowClear
          placeholder="全部类型"
          value={kind}
          onChange={(v: MeetingKind | undefined) => setKind(v)}
          options={KIND_ORDER.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          style={{ width: 160 }}
        />
      </Space>
      <Table<MeetingSummary>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '党支部', dataIndex: 'orgName', width: 170 },
          {
            title: '类型',
            key: 'kind',
            width: 150,
            render: (_, m) => `${KIND_LABELS[m.kind]}${m.groupName ? `（${m.groupName}）` : ''}`,
          },
          { title: '主题', dataIndex: 'topic' },
          { title: '主持人/讲课人', dataIndex: 'presenterName', width: 120 },
          {
            title: '到会/缺席',
            key: 'count',
            width: 100,
            render: (_, m) => `${m.presentCount} / ${m.absentCount}`,
          },
          { title: '学时', dataIndex: 'studyHours', width: 60 },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, m) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  onClick={() => download(`/api/meetings/${m.id}/record`)}
                >
                  记录
                </Button>
                {canWrite ? (
                  <Popconfirm
                    title={mt('meetings.record.deleteConfirm')}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(m.id);
                      } catch (e) {
                        message.error(errorMessage(e));
                      }
                    }}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={mt('meetings.record.delete')}
                    />
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
