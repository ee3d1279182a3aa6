/**
 * The fields of each of the 25 steps (dossier-format.md §2) as form items, and the conversion
 * between form values and the step record the server stores.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMembers, type StepKey } from '../../api/recruitment';

type Kind =
  | 'dated'
  | 'application'
  | 'activistSelection'
  | 'people'
  | 'reviews'
  | 'politicalReview'
  | 'training'
  | 'preReview'
  | 'vote'
  | 'fullVote'
  | 'approvalTalk'
  | 'approval'
  | 'fullApproval'
  | 'archiving';

export const STEP_KIND: Record<StepKey, Kind> = {
  application: 'application',
  applicationTalk: 'dated',
  activistSelection: 'activistSelection',
  activistFiling: 'dated',
  mentors: 'people',
  activistReviews: 'reviews',
  candidateSelection: 'dated',
  candidateFiling: 'dated',
  sponsors: 'people',
  politicalReview: 'politicalReview',
  training: 'training',
  committeeReview: 'dated',
  preReview: 'preReview',
  applicationForm: 'dated',
  admissionMeeting: 'vote',
  approvalTalk: 'approvalTalk',
  approval: 'approval',
  approvalFiling: 'dated',
  groupAssignment: 'dated',
  oath: 'dated',
  probationReviews: 'reviews',
  fullMembershipApplication: 'dated',
  fullMembershipMeeting: 'fullVote',
  fullMembershipApproval: 'fullApproval',
  archiving: 'archiving',
};

const REQUIRED_DOCUMENTS = [
  '入党志愿书',
  '入党申请书',
  '政治审查材料',
  '转正申请书',
  '培养教育考察材料',
];
const APPROVER_LEVELS = ['乡镇党委', '街道党工委', '基层党委', '村党委', '社区党委', '党总支'];

export interface StepFormValues {
  date?: Dayjs | null;
  receivedDate?: Dayjs | null;
  method?: string;
  decidedBy?: string;
  people?: { personId?: number; name?: string }[];
  dates?: (Dayjs | null)[];
  result?: string;
  inquiryReplyDates?: (Dayjs | null)[];
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  hours?: number | null;
  noticeStart?: Dayjs | null;
  noticeEnd?: Dayjs | null;
  expectedVoters?: number | null;
  presentVoters?: number | null;
  votesFor?: number | null;
  writtenVotesFor?: number | null;
  candidatesInVote?: number | null;
  outcome?: string;
  byRole?: string;
  approverLevel?: string;
  specialCircumstance?: string;
  fullMemberSince?: Dayjs | null;
  documents?: string[];
  documentRef?: string;
  lateReason?: string;
  flagReason?: string;
}

const d = (v: Dayjs | null | undefined): string | undefined =>
  v ? v.format('YYYY-MM-DD') : undefined;
const p = (v: unknown): Dayjs | null => (typeof v === 'string' ? dayjs(v) : null);
const n = (v: number | null | undefined): number | undefined =>
  v === null || v === undefined ? undefined : v;

/** Form values → the step record (only filled fields). */
export function toRecord(step: StepKey, v: StepFormValues): Record<string, unknown> {
  const kind = STEP_KIND[step];
  const r: Record<string, unknown> = {};
  const put = (k: string, value: unknown) => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) {
      r[k] = value;
    }
  };
  if (kind !== 'reviews' && kind !== 'training') {
    put('date', d(v.date));
  }
  switch (kind) {
    case 'application':
      put('receivedDate', d(v.receivedDate));
      break;
    case 'activistSelection':
      put('method', v.method);
      put('decidedBy', v.decidedBy);
      break;
    case 'people':
      r['people'] = (v.people ?? []).filter((x) => x.personId !== undefined || x.name);
      break;
    case 'reviews':
      r['dates'] = (v.dates ?? [])
        .map(d)
        .filter((x): x is string => x !== undefined)
        .sort();
      break;
    case 'politicalReview':
      put('result', v.result);
      put(
        'inquiryReplyDates',
        (v.inquiryReplyDates ?? []).map(d).filter((x): x is string => x !== undefined),
      );
      break;
    case 'training':
      put('startDate', d(v.startDate));
      put('endDate', d(v.endDate));
      put('hours', n(v.hours));
      break;
    case 'preReview':
      if (v.noticeStart && v.noticeEnd) {
        r['publicNotice'] = { startDate: d(v.noticeStart), endDate: d(v.noticeEnd) };
      }
      break;
    case 'vote':
    case 'fullVote':
      put('expectedVoters', n(v.expectedVoters));
      put('presentVoters', n(v.presentVoters));
      put('votesFor', n(v.votesFor));
      put('writtenVotesFor', n(v.writtenVotesFor));
      put('candidatesInVote', n(v.candidatesInVote));
      if (kind === 'fullVote') {
        put('outcome', v.outcome);
      }
      break;
    case 'approvalTalk':
      put('byRole', v.byRole);
      break;
    case 'approval':
      put('approverLevel', v.approverLevel);
      put('specialCircumstance', v.specialCircumstance?.trim());
      break;
    case 'fullApproval':
      put('fullMemberSince', d(v.fullMemberSince));
      break;
    case 'archiving':
      r['documents'] = v.documents ?? [];
      break;
    case 'dated':
      break;
  }
  return r;
}

/** The stored record → form values. */
export function toValues(record: Record<string, unknown> | null): StepFormValues {
  if (record === null) {
    return { people: [{}, {}], dates: [null] };
  }
  const notice = record['publicNotice'] as { startDate?: string; endDate?: string } | undefined;
  return {
    date: p(record['date']),
    receivedDate: p(record['receivedDate']),
    method: record['method'] as string | undefined,
    decidedBy: record['decidedBy'] as string | undefined,
    people: (record['people'] as { personId?: number; name?: string }[] | undefined) ?? [{}, {}],
    dates: ((record['dates'] as string[] | undefined) ?? []).map((x) => dayjs(x)),
    result: record['result'] as string | undefined,
    inquiryReplyDates: ((record['inquiryReplyDates'] as string[] | undefined) ?? []).map((x) =>
      dayjs(x),
    ),
    startDate: p(record['startDate']),
    endDate: p(record['endDate']),
    hours: record['hours'] as number | undefined,
    noticeStart: p(notice?.startDate),
    noticeEnd: p(notice?.endDate),
    expectedVoters: record['expectedVoters'] as number | undefined,
    presentVoters: record['presentVoters'] as number | undefined,
    votesFor: record['votesFor'] as number | undefined,
    writtenVotesFor: record['writtenVotesFor'] as number | undefined,
    candidatesInVote: record['candidatesInVote'] as number | undefined,
    outcome: record['outcome'] as string | undefined,
    byRole: record['byRole'] as string | undefined,
    approverLevel: record['approverLevel'] as string | undefined,
    specialCircumstance: record['specialCircumstance'] as string | undefined,
    fullMemberSince: p(record['fullMemberSince']),
    documents: (record['documents'] as string[] | undefined) ?? [],
  };
}

const dateInput = <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} />;
const required = [{ required: true, message: '请填写日期' }];

function DateList({ name, label }: { name: string; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((field) => (
            <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item name={field.name} noStyle>
                {dateInput}
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除日期" />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
            添加日期
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

function PersonPicker({
  value,
  onChange,
}: {
  value?: { personId?: number; name?: string };
  onChange?: (v: { personId?: number; name?: string }) => void;
}) {
  const [q, setQ] = useState('');
  const members = useMembers(q);
  const options = (members.data ?? []).map((m) => ({
    value: m.personId,
    label: `${m.name}（${m.orgName}，${m.status === 'full' ? `${m.fullMemberSince ?? '日期未知'} 转正` : `预备党员，预计 ${m.fullMemberSince ?? '?'} 期满`}）`,
    name: m.name,
  }));
  if (value?.personId !== undefined && !options.some((o) => o.value === value.personId)) {
    options.unshift({
      value: value.personId,
      label: value.name ?? String(value.personId),
      name: value.name ?? '',
    });
  }
  return (
    <Select
      style={{ width: 420 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="输入姓名，从党员名册中选择"
      value={value?.personId}
      options={options}
      onChange={(id: number | undefined, option) => {
        const name = Array.isArray(option)
          ? undefined
          : (option as { name?: string } | undefined)?.name;
        onChange?.(id === undefined ? {} : { personId: id, name });
      }}
    />
  );
}

/** The form items for one step. */
export function StepFields({ step }: { step: StepKey }) {
  const kind = STEP_KIND[step];
  return (
    <>
      {kind !== 'reviews' && kind !== 'training' ? (
        <Form.Item name="date" label="日期" rules={required}>
          {dateInput}
        </Form.Item>
      ) : null}
      {kind === 'application' ? (
        <Form.Item name="receivedDate" label="党组织收到日期" extra="不填即为递交日期">
          {dateInput}
        </Form.Item>
      ) : null}
      {kind === 'activistSelection' ? (
        <>
          <Form.Item name="method" label="推荐方式">
            <Select
              style={{ width: 200 }}
              options={['党员推荐', '群团组织推优', '其他'].map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
          <Form.Item name="decidedBy" label="研究决定">
            <Select
              style={{ width: 200 }}
              options={['支部委员会', '支部大会'].map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
        </>
      ) : null}
      {kind === 'people' ? (
        <Form.List name="people">
          {(fields, { add, remove }) => (
            <Form.Item
              label={step === 'mentors' ? '培养联系人' : '入党介绍人'}
              extra="正式党员日期取自党员名册"
            >
              {fields.map((field) => (
                <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={field.name} noStyle>
                    <PersonPicker />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加
              </Button>
            </Form.Item>
          )}
        </Form.List>
      ) : null}
      {kind === 'reviews' ? <DateList name="dates" label="考察日期" /> : null}
      {kind === 'politicalReview' ? (
        <>
          <Form.Item
            name="result"
            label="政审结论"
            rules={[{ required: true, message: '请选择结论' }]}
          >
            <Select
              style={{ width: 200 }}
              options={['合格', '不合格'].map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
          <DateList name="inquiryReplyDates" label="函调回复日期" />
        </>
      ) : null}
      {kind === 'training' ? (
        <>
          <Form.Item name="startDate" label="开始日期" rules={required}>
            {dateInput}
          </Form.Item>
          <Form.Item name="endDate" label="结束日期" rules={required}>
            {dateInput}
          </Form.Item>
          <Form.Item name="hours" label="学时">
            <InputNumber min={0} max={500} />
          </Form.Item>
        </>
      ) : null}
      {kind === 'preReview' ? (
        <>
          <Form.Item name="noticeStart" label="公示开始">
            {dateInput}
          </Form.Item>
          <Form.Item name="noticeEnd" label="公示结束">
            {dateInput}
          </Form.Item>
        </>
      ) : null}
      {kind === 'vote' || kind === 'fullVote' ? (
        <>
          <Form.Item
            name="expectedVoters"
            label="应到会有表决权的正式党员"
            rules={[{ required: true, message: '请填写人数' }]}
          >
            <InputNumber min={1} max={9999} />
          </Form.Item>
          <Form.Item
            name="presentVoters"
            label="实到会有表决权人数"
            rules={[{ required: true, message: '请填写人数' }]}
          >
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item
            name="votesFor"
            label="赞成票"
            rules={[{ required: true, message: '请填写票数' }]}
          >
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item name="writtenVotesFor" label="会前书面赞成意见">
            <InputNumber min={0} max={9999} />
          </Form.Item>
          {kind === 'vote' ? (
            <Form.Item
              name="candidatesInVote"
              label="本次表决的发展对象人数"
              extra="应逐个表决（1 人）"
            >
              <InputNumber min={1} max={99} />
            </Form.Item>
          ) : (
            <Form.Item
              name="outcome"
              label="表决结果"
              rules={[{ required: true, message: '请选择结果' }]}
            >
              <Select
                style={{ width: 200 }}
                options={['转为正式党员', '延长预备期', '取消预备党员资格'].map((x) => ({
                  value: x,
                  label: x,
                }))}
              />
            </Form.Item>
          )}
        </>
      ) : null}
      {kind === 'approvalTalk' ? (
        <Form.Item name="byRole" label="谈话人身份">
          <Select
            style={{ width: 200 }}
            options={['党委委员', '组织员'].map((x) => ({ value: x, label: x }))}
          />
        </Form.Item>
      ) : null}
      {kind === 'approval' ? (
        <>
          <Form.Item name="approverLevel" label="审批党组织">
            <Select
              style={{ width: 200 }}
              options={APPROVER_LEVELS.map((x) => ({ value: x, label: x }))}
            />
          </Form.Item>
          <Form.Item name="specialCircumstance" label="特殊情况说明" extra="超过三个月审批时填写">
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </>
      ) : null}
      {kind === 'fullApproval' ? (
        <Form.Item name="fullMemberSince" label="党龄起算日" extra="应为预备期满之日">
          {dateInput}
        </Form.Item>
      ) : null}
      {kind === 'archiving' ? (
        <Form.Item name="documents" label="已归档材料">
          <Checkbox.Group options={REQUIRED_DOCUMENTS} />
        </Form.Item>
      ) : null}
      <Form.Item name="documentRef" label="材料文号/存放位置">
        <Input maxLength={100} style={{ width: 320 }} />
      </Form.Item>
      <Typography.Text type="secondary" />
    </>
  );
}
