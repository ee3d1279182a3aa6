import { useFormSave } from '../../components/use-form-save';
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import {
  addReserve,
  appointPost,
  endPost,
  useRosterOptions,
  type AppointBody,
  type CadrePost,
  type VillageProfile,
} from '../../api/roster';

const BODY_OPTIONS: { value: AppointBody['body']; label: string }[] = [
  { value: 'partyOrg', label: '村党组织' },
  { value: 'villagersCommittee', label: '村民委员会' },
  { value: 'supervisoryCommittee', label: '村务监督委员会' },
];

const TITLES: Record<AppointBody['body'], { value: AppointBody['title']; label: string }[]> = {
  partyOrg: [
    { value: 'secretary', label: '书记' },
    { value: 'deputySecretary', label: '副书记' },
    { value: 'member', label: '委员' },
  ],
  villagersCommittee: [
    { value: 'director', label: '主任' },
    { value: 'deputyDirector', label: '副主任' },
    { value: 'member', label: '委员' },
  ],
  supervisoryCommittee: [
    { value: 'director', label: '主任' },
    { value: 'member', label: '委员' },
  ],
};

const PIPELINE_AND_MEMBERS = 'full,probationary,candidate,activist,applicant';

/** The village's 两委 members who are not Party members, once each, for the person picker. */
function nonMemberCadres(village: VillageProfile) {
  const seen = new Map<number, { personId: number; name: string; label: string }>();
  for (const p of village.posts) {
    if (!p.isPartyMember && !seen.has(p.personId)) {
      seen.set(p.personId, {
        personId: p.personId,
        name: p.name,
        label: `${p.name}（群众，${p.bodyLabel}${p.titleLabel}）`,
      });
    }
  }
  return [...seen.values()];
}

/** Picks a person of this village by name, full pinyin or initials (张三 by zs). */
function PersonSelect({
  villageId,
  nonMembers = [],
  value,
  onChange,
}: {
  villageId: number;
  /** 群众 already on the village's 两委 (not on the Party roster), offered by name. */
  nonMembers?: { personId: number; name: string; label: string }[];
  value?: number;
  onChange?: (id: number) => void;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let stale = false;
    setLoading(true);
    const timer = setTimeout(() => {
      void unwrap(
        api.GET('/api/roster/members', {
          params: {
            query: {
              orgId: villageId,
              status: PIPELINE_AND_MEMBERS,
              pageSize: 30,
              page: 1,
              sort: 'name',
              ...(q.trim() === '' ? {} : { q: q.trim() }),
            },
          },
        }),
      )
        .then((page) => {
          if (!stale) {
            setOptions(
              page.items.map((r) => ({
                value: r.personId,
                label: `${r.name}（${r.statusLabel}，${r.orgName}${r.age === null ? '' : `，${r.age}岁`}）`,
              })),
            );
          }
        })
        .catch(() => {
          if (!stale) {
            setOptions([]);
          }
        })
        .finally(() => {
          if (!stale) {
            setLoading(false);
          }
        });
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q, villageId]);
  const text = q.trim();
  const extra = nonMembers
    .filter((p) => text === '' || p.name.includes(text))
    .map((p) => ({ value: p.personId, label: p.label }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={loading}
      options={[...extra, ...options.filter((o) => !extra.some((e) => e.value === o.value))]}
      placeholder="输入姓名、全拼或首字母"
      notFoundContent={loading ? '查找中…' : '本村（社区）没有找到此人'}
    />
  );
}

interface AppointValues {
  body: AppointBody['body'];
  title: AppointBody['title'];
  /** 在册人员 (picked by id) or a 群众 registered here (村委会 and 村务监督委员会 only). */
  source: 'roster' | 'new';
  personId?: number;
  newPerson?: { name: string; idNumber: string; education?: string; phone?: string };
  termStart: Dayjs;
  termEnd?: Dayjs;
}

const SOURCE_OPTIONS = [
  { value: 'roster', label: '在册人员' },
  { value: 'new', label: '登记非党员（群众）' },
];

/** 任命两委职务: body, title, person and term. */
export function AppointModal({
  open,
  village,
  onClose,
  onDone,
}: {
  open: boolean;
  village: VillageProfile;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<AppointValues>();
  const body = Form.useWatch('body', form) ?? 'partyOrg';
  const watchedSource = Form.useWatch('source', form) ?? 'roster';
  // Only Party members sit on the Party committee.
  const source = body === 'partyOrg' ? 'roster' : watchedSource;
  const options = useRosterOptions();
  const { error, saving, save, clearError } = useFormSave(form);
  const submit = () =>
    save((v) => {
      const post = {
        orgId: village.id,
        body: v.body,
        title: v.title,
        termStart: v.termStart.format('YYYY-MM-DD'),
        termEnd: v.termEnd ? v.termEnd.format('YYYY-MM-DD') : null,
      };
      const p = v.newPerson;
      return appointPost(
        source === 'new' && p !== undefined
          ? {
              ...post,
              newPerson: {
                name: p.name,
                idNumber: p.idNumber.trim().toUpperCase(),
                education: p.education ?? null,
                phone: p.phone?.trim() || null,
              },
            }
          : { ...post, personId: v.personId },
      );
    }, onDone);
  return (
    <FormModal
      open={open}
      title={`任命两委职务：${village.name}`}
      okText="任命"
      saving={saving}
      error={error}
      clearError={clearError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          body: 'partyOrg',
          title: 'member',
          source: 'roster',
          termStart: dayjs(),
          termEnd: village.termEnd === null ? undefined : dayjs(village.termEnd),
        }}
      >
        <Form.Item name="body" label="班子" rules={[{ required: true }]}>
          <Radio.Group
            options={BODY_OPTIONS}
            optionType="button"
            onChange={() => form.setFieldValue('title', 'member')}
          />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Radio.Group options={TITLES[body]} optionType="button" />
        </Form.Item>
        {body === 'partyOrg' ? null : (
          <Form.Item
            name="source"
            label="人员来源"
            extra="村委会、村务监督委员会成员可以不是党员：没有在册的，在这里登记一次"
          >
            <Radio.Group options={SOURCE_OPTIONS} optionType="button" />
          </Form.Item>
        )}
        {source === 'roster' ? (
          <Form.Item
            name="personId"
            label="人员"
            rules={[{ required: true, message: '请选择人员' }]}
          >
            <PersonSelect villageId={village.id} nonMembers={nonMemberCadres(village)} />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col span={9}>
              <Form.Item
                name={['newPerson', 'name']}
                label="姓名"
                rules={[
                  { required: true, whitespace: true, message: '请填写姓名' },
                  { max: 20, message: '姓名不超过 20 个字' },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={15}>
              <Form.Item
                name={['newPerson', 'idNumber']}
                label="公民身份号码"
                extra="性别和出生日期按身份号码登记"
                rules={[
                  { required: true, message: '请填写公民身份号码' },
                  { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '应为18位，最后一位可为X' },
                ]}
              >
                <Input autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name={['newPerson', 'education']} label="学历">
                <Select
                  allowClear
                  options={(options.data?.education ?? []).map((e) => ({ value: e, label: e }))}
                />
              </Form.Item>
            </Col>
            <Col span={15}>
              <Form.Item name={['newPerson', 'phone']} label="联系电话">
                <Input autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="termStart"
              label="任期开始"
              rules={[{ required: true, message: '请选择任期开始日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="termEnd" label="任期届满" extra="默认为本届任期届满日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}

/** 离任: the day and the reason; the post stays in the history. */
export function EndPostModal({
  post,
  onClose,
  onDone,
}: {
  post: CadrePost | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ endedOn: Dayjs; reason: string }>();
  const { error, saving, save, clearError } = useFormSave(form);
  const submit = async () => {
    if (post !== null) {
      await save(
        (v) => endPost(post.id, { endedOn: v.endedOn.format('YYYY-MM-DD'), reason: v.reason }),
        onDone,
      );
    }
  };
  return (
    <FormModal
      open={post !== null}
      title={post === null ? '' : `离任：${post.name}（${post.bodyLabel}${post.titleLabel}）`}
      okText="确认离任"
      saving={saving}
      error={error}
      clearError={clearError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ endedOn: dayjs(), reason: '' }}>
        <Form.Item
          name="endedOn"
          label="离任日期"
          rules={[{ required: true, message: '请选择离任日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="离任原因"
          rules={[{ required: true, message: '请填写离任原因，如换届、辞职、调整' }]}
        >
          <Input maxLength={100} placeholder="如：换届、辞职、工作调整" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 列为后备干部: person, readiness, the post he is prepared for, notes. */
export function ReserveModal({
  open,
  village,
  onClose,
  onDone,
}: {
  open: boolean;
  village: VillageProfile;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{
    personId: number;
    readiness: 'ready' | 'developing';
    targetPost?: string;
    notes?: string;
  }>();
  const { error, saving, save, clearError } = useFormSave(form);
  const submit = () =>
    save(
      (v) =>
        addReserve({
          orgId: village.id,
          personId: v.personId,
          readiness: v.readiness,
          targetPost: v.targetPost?.trim() || null,
          notes: v.notes?.trim() || null,
        }),
      onDone,
    );
  return (
    <FormModal
      open={open}
      title={`列为后备干部：${village.name}`}
      okText="列入"
      saving={saving}
      error={error}
      clearError={clearError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ readiness: 'developing' }}>
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
          <PersonSelect villageId={village.id} nonMembers={nonMemberCadres(village)} />
        </Form.Item>
        <Form.Item name="readiness" label="成熟度" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ready', label: '成熟（可即时使用）' },
              { value: 'developing', label: '培养中' },
            ]}
          />
        </Form.Item>
        <Form.Item name="targetPost" label="培养方向">
          <Select
            allowClear
            options={['村党组织书记', '村党组织委员', '村委会主任', '村委会委员'].map((v) => ({
              value: v,
              label: v,
            }))}
            placeholder="拟培养的职务"
          />
        </Form.Item>
        <Form.Item name="notes" label="说明">
          <Input.TextArea maxLength={500} rows={3} placeholder="优点、不足与培养措施" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
