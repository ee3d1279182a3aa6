import {
  DownloadOutlined,
  FileWordOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  download,
  useBranchMembers,
  useClass,
  useClasses,
  useCreateClass,
  useImportTrainees,
  useRecordAttendance,
  type ClassDetail,
  type ClassInput,
  type ClassSummary,
} from '../../api/meetings';
import { useOrgs } from '../../api/queries';
import { fileToBase64 } from '../../api/roster';
import { useMe } from '../../auth/session';
import { mt } from '../../locales/zh-CN/meetings';

const WRITE_ROLES = ['countyAdmin', 'townshipOrganizer'];

function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function Attendance({ cls, canWrite }: { cls: ClassDetail; canWrite: boolean }) {
  const { message } = App.useApp();
  const [sessionId, setSessionId] = useState<number>(cls.sessions[0]?.id ?? 0);
  const session = cls.sessions.find((s) => s.id === sessionId);
  const [checked, setChecked] = useState<number[]>([]);
  const save = useRecordAttendance(cls.id);
  useEffect(() => {
    setChecked(cls.trainees.filter((t) => t.attended.includes(sessionId)).map((t) => t.personId));
  }, [cls, sessionId]);
  if (session === undefined) {
    return null;
  }
  const future = session.date > today();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={sessionId}
        onChange={(v) => setSessionId(Number(v))}
        options={cls.sessions.map((s) => ({
          value: s.id,
          label: `${s.date} ${s.topic}（${s.hours}学时）`,
        }))}
      />
      <Typography.Text type="secondary">
        {session.teacher} ·{' '}
        {future
          ? mt('training.class.notYet')
          : `出勤 ${checked.length} / ${cls.trainees.length} 人`}
      </Typography.Text>
      <Checkbox.Group
        className="zg-ml-members"
        disabled={!canWrite || future}
        value={checked}
        onChange={(v) => setChecked(v)}
        options={cls.trainees.map((t) => ({ value: t.personId, label: t.name }))}
      />
      {canWrite && !future ? (
        <Button
          type="primary"
          loading={save.isPending}
          onClick={async () => {
            try {
              await save.mutateAsync({
                sessionId,
                attendees: checked.map((personId) => ({ personId })),
              });
              message.success(mt('training.class.attendanceSaved', { date: session.date }));
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          {mt('training.class.saveAttendance')}
        </Button>
      ) : null}
    </Space>
  );
}

function ImportTrainees({ classId }: { classId: number }) {
  const { message, modal } = App.useApp();
  const importing = useImportTrainees(classId);
  return (
    <Space wrap>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => download('/api/training/trainee-template')}
      >
        {mt('training.import.template')}
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void (async () => {
            try {
              const r = await importing.mutateAsync({
                fileName: file.name,
                contentBase64: await fileToBase64(file),
              });
              void message.success(mt('training.import.done', { n: r.added }));
            } catch (e) {
              modal.error({
                title: mt('training.import.failed'),
                content: (
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    {errorMessage(e).replace(/。/, '。\n').split('；').join('\n')}
                  </div>
                ),
                width: 640,
              });
            }
          })();
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={importing.isPending}>
          {mt('training.import.button')}
        </Button>
      </Upload>
    </Space>
  );
}

function ClassCard({ id, canWrite }: { id: number; canWrite: boolean }) {
  const cls = useClass(id);
  const d = cls.data;
  if (!d) {
    return <Card loading />;
  }
  const done = d.trainees.filter((t) => t.completed).length;
  return (
    <Card
      size="small"
      title={d.name}
      extra={
        <Space>
          {d.centralized ? <Tag color="blue">{mt('training.class.centralized')}</Tag> : null}
          <Typography.Text type="secondary">
            {d.organizer} · {d.startDate} 至 {d.endDate} ·{' '}
            {mt('training.class.completed', { done, total: d.traineeCount })}
          </Typography.Text>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Attendance cls={d} canWrite={canWrite} />
        {canWrite ? <ImportTrainees classId={d.id} /> : null}
        <Table
          size="small"
          rowKey="personId"
          dataSource={d.trainees}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '所在组织', dataIndex: 'orgName' },
            {
              title: '类别',
              key: 'category',
              width: 90,
              render: (_, t) => (t.category === 'cadre' ? '两委干部' : '党员'),
            },
            {
              title: '出勤',
              key: 'attended',
              width: 90,
              render: (_, t) => `${t.attended.length} / ${d.sessionCount} 节`,
            },
            { title: '学时', dataIndex: 'hours', width: 70 },
            {
              title: '结业',
              key: 'completed',
              width: 150,
              render: (_, t) =>
                t.completed ? (
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    onClick={() =>
                      download(`/api/training/classes/${d.id}/certificates/${t.personId}`)
                    }
                  >
                    {mt('training.class.certificate')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">未完成全部课程</Typography.Text>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

interface NewClassValues {
  orgId: number;
  name: string;
  organizer: string;
  startDate: string;
  endDate: string;
  centralized: boolean;
  sessions: { date: string; hours: number; topic: string; teacher: string }[];
}

function NewClassModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewClassValues>();
  const orgs = useOrgs();
  const [branchId, setBranchId] = useState<number | undefined>(undefined);
  const branchMembers = useBranchMembers(branchId);
  const [trainees, setTrainees] = useState<Map<number, string>>(new Map());
  const create = useCreateClass();
  const orgOptions = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind !== 'partyGroup')
        .map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );
  const branchOptions = (orgs.data ?? [])
    .filter((o) => o.kind === 'branch')
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Modal
      open={open}
      title={mt('training.class.new')}
      width={760}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={async () => {
        const v = await form.validateFields();
        const body: ClassInput = {
          ...v,
          centralized: v.centralized,
          sessions: v.sessions ?? [],
          trainees: [...trainees.keys()].map((personId) => ({
            personId,
            category: 'member' as const,
          })),
        };
        try {
          const cls = await create.mutateAsync(body);
          onCreated(cls.id);
          onClose();
        } catch (e) {
          message.error(errorMessage(e));
        }
      }}
    >
      <Form<NewClassValues>
        form={form}
        layout="vertical"
        initialValues={{ centralized: true, sessions: [{ hours: 3 }] }}
      >
        <Space wrap>
          <Form.Item name="orgId" label="举办组织" rules={[{ required: true }]}>
            <Select options={orgOptions} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={mt('training.class.name')} rules={[{ required: true }]}>
            <Input style={{ width: 300 }} />
          </Form.Item>
          <Form.Item
            name="organizer"
            label={mt('training.class.organizer')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="centralized"
            label={mt('training.class.centralized')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Space>
        <Typography.Text strong>{mt('training.class.sessions')}</Typography.Text>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '日期' }]}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']} rules={[{ required: true, message: '学时' }]}>
                    <InputNumber min={0.5} max={12} step={0.5} placeholder="学时" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'topic']} rules={[{ required: true, message: '主题' }]}>
                    <Input placeholder="主题" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'teacher']} initialValue="">
                    <Input placeholder="授课人" style={{ width: 140 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ hours: 3, teacher: '' })}
              >
                添加课程
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>
            {mt('training.class.trainees')}（已选 {trainees.size} 人）
          </Typography.Text>
          <div style={{ margin: '8px 0' }}>
            <Select
              placeholder="从党支部选择学员"
              showSearch
              optionFilterProp="label"
              options={branchOptions}
              value={branchId}
              onChange={(v: number) => setBranchId(v)}
              style={{ width: 240 }}
            />
          </div>
          <Checkbox.Group
            className="zg-ml-members"
            value={[...trainees.keys()]}
            onChange={(values) => {
              const next = new Map(
                [...trainees].filter(
                  ([id]) => !branchMembers.data?.members.some((m) => m.personId === id),
                ),
              );
              for (const id of values) {
                const m = branchMembers.data?.members.find((x) => x.personId === id);
                next.set(id, m?.name ?? trainees.get(id) ?? '');
              }
              setTrainees(next);
            }}
            options={(branchMembers.data?.members ?? []).map((m) => ({
              value: m.personId,
              label: m.name,
            }))}
          />
        </div>
      </Form>
    </Modal>
  );
}

export function ClassesTab({ year }: { year: number }) {
  const me = useMe();
  const canWrite = WRITE_ROLES.includes(me.role);
  const classes = useClasses(year);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const current = selected ?? classes.data?.[0]?.id ?? null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {mt('training.class.new')}
          </Button>
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(`/api/training/plan?year=${year}`)}
        >
          {mt('training.plan.xlsx')}
        </Button>
        <Button
          icon={<FileWordOutlined />}
          onClick={() => download(`/api/training/plan/docx?year=${year}`)}
        >
          {mt('training.plan.docx')}
        </Button>
      </Space>
      <Table<ClassSummary>
        size="small"
        rowKey="id"
        loading={classes.isLoading}
        dataSource={classes.data ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.id === current ? 'ant-table-row-selected' : '')}
        columns={[
          { title: mt('training.class.name'), dataIndex: 'name' },
          { title: mt('training.class.organizer'), dataIndex: 'organizer', width: 160 },
          {
            title: mt('training.class.dates'),
            key: 'dates',
            width: 200,
            render: (_, c) => `${c.startDate} 至 ${c.endDate}`,
          },
          {
            title: '课程',
            key: 's',
            width: 110,
            render: (_, c) => `${c.sessionCount} 节 ${c.totalHours} 学时`,
          },
          { title: '学员', dataIndex: 'traineeCount', width: 70 },
          {
            title: '',
            key: 'c',
            width: 90,
            render: (_, c) =>
              c.centralized ? <Tag color="blue">{mt('training.class.centralized')}</Tag> : null,
          },
        ]}
      />
      {current !== null ? <ClassCard id={current} canWrite={canWrite} /> : null}
      <NewClassModal open={creating} onClose={() => setCreating(false)} onCreated={setSelected} />
    </Space>
  );
}
