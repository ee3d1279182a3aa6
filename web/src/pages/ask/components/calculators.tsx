import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../api/client';
import {
  useDues,
  useElectionThresholds,
  useTermDates,
  type ElectionThresholdsQuery,
  useMembershipAge,
  usePlan,
  useWorkdays,
  type DuesQuery,
  type MembershipAgeQuery,
  type WorkdaysQuery,
} from '../../../api/handbook';
import { t } from '../../../locales';
import type { Opened } from './detail-drawer';

type Open = (o: Opened) => void;

/** The rules a result rests on, each opening its handbook entry. */
function RuleRefs({
  refs,
  onOpen,
}: {
  refs: readonly { id: string; title?: string }[];
  onOpen: Open;
}) {
  return (
    <Space wrap size={4}>
      <Typography.Text type="secondary">{t('handbook.calc.rule')}</Typography.Text>
      {refs.map((r) => (
        <RuleLink key={r.id} id={r.id} title={r.title} onOpen={onOpen} />
      ))}
    </Space>
  );
}

function RuleLink({ id, title, onOpen }: { id: string; title?: string; onOpen: Open }) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() => onOpen({ kind: 'rule', id })}
    >
      {id}
      {title === undefined ? '' : ` ${title}`}
    </Button>
  );
}

function Outcome({ error, children }: { error: unknown; children: ReactNode }) {
  if (error) {
    return <Alert type="error" showIcon message={errorMessage(error)} className="zg-calc-error" />;
  }
  return <>{children}</>;
}

const DATE = t('handbook.calc.datePlaceholder');

function DuesCalculator({ onOpen }: { onOpen: Open }) {
  const [query, setQuery] = useState<DuesQuery | null>(null);
  const [category, setCategory] = useState('在职');
  const result = useDues(query);
  return (
    <Card title={t('handbook.calc.dues')} size="small" className="zg-calc-dues">
      <Form
        layout="vertical"
        initialValues={{ category: '在职', income: '' }}
        onFinish={(v: { category: string; income?: string; farmerAmount?: string }) =>
          setQuery({
            category: v.category,
            income: v.income ?? '',
            farmerAmount: v.farmerAmount ?? '',
          })
        }
      >
        <Form.Item name="category" label={t('handbook.calc.dues.category')}>
          <Select
            onChange={(v: string) => setCategory(v)}
            options={['在职', '离退休', '农民', '学生', '困难'].map((c) => ({
              value: c,
              label: c,
            }))}
          />
        </Form.Item>
        {category === '在职' || category === '离退休' ? (
          <Form.Item
            name="income"
            label={t('handbook.calc.dues.income')}
            extra={t('handbook.calc.dues.incomeHelp')}
          >
            <Input inputMode="decimal" placeholder="5000.01" />
          </Form.Item>
        ) : null}
        {category === '农民' ? (
          <Form.Item name="farmerAmount" label={t('handbook.calc.dues.farmerAmount')}>
            <Input inputMode="decimal" placeholder="0.2" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {query !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <Space direction="vertical" size={4}>
                <Typography.Title level={4} style={{ margin: 0 }} className="zg-calc-result">
                  {t('handbook.calc.dues.result', { amount: result.data.monthly })}
                </Typography.Title>
                <Typography.Text>{result.data.basis}</Typography.Text>
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{t('handbook.calc.rule')}</Typography.Text>
                  <RuleLink id={result.data.rule} title={result.data.ruleTitle} onOpen={onOpen} />
                </Space>
                <Typography.Text type="secondary">{result.data.citation}</Typography.Text>
                {result.data.notes.map((n) => (
                  <Typography.Text key={n} type="secondary">
                    {n}
                  </Typography.Text>
                ))}
              </Space>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

function MembershipAgeCalculator({ onOpen, today }: { onOpen: Open; today: string }) {
  const [query, setQuery] = useState<MembershipAgeQuery | null>(null);
  const result = useMembershipAge(query);
  return (
    <Card title={t('handbook.calc.membershipAge')} size="small" className="zg-calc-age">
      <Form
        layout="vertical"
        initialValues={{ asOf: today }}
        onFinish={(v: { admissionMeetingDate?: string; extensionMonths?: string; asOf?: string }) =>
          setQuery({
            admissionMeetingDate: v.admissionMeetingDate ?? '',
            extensionMonths: v.extensionMonths ?? '',
            asOf: v.asOf ?? '',
          })
        }
      >
        <Form.Item name="admissionMeetingDate" label={t('handbook.calc.membershipAge.admission')}>
          <Input placeholder={DATE} />
        </Form.Item>
        <Form.Item name="extensionMonths" label={t('handbook.calc.membershipAge.extension')}>
          <Input placeholder="6" />
        </Form.Item>
        <Form.Item name="asOf" label={t('handbook.calc.membershipAge.asOf')}>
          <Input placeholder={DATE} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {query !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'end',
                      label: t('handbook.calc.membershipAge.end'),
                      children: result.data.probationEnd,
                    },
                    {
                      key: 'since',
                      label: t('handbook.calc.membershipAge.since'),
                      children: result.data.fullMemberSince,
                    },
                    {
                      key: 'standing',
                      label: t('handbook.calc.membershipAge.standing'),
                      children:
                        result.data.partyStanding === null
                          ? t('handbook.calc.membershipAge.inProbation')
                          : t('handbook.calc.membershipAge.years', result.data.partyStanding),
                    },
                  ]}
                />
                {result.data.problems.map((p) => (
                  <Alert
                    key={p.message}
                    type="error"
                    showIcon
                    message={`${p.rule}：${p.message}`}
                  />
                ))}
                <RuleRefs refs={result.data.ruleRefs} onOpen={onOpen} />
              </Space>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

function WorkdaysCalculator({ onOpen }: { onOpen: Open }) {
  const [query, setQuery] = useState<WorkdaysQuery | null>(null);
  const [mode, setMode] = useState('notice');
  const result = useWorkdays(query);
  return (
    <Card title={t('handbook.calc.workdays')} size="small" className="zg-calc-workdays">
      <Form
        layout="vertical"
        initialValues={{ mode: 'notice', days: '5' }}
        onFinish={(v: { mode: string; start?: string; end?: string; days?: string }) =>
          setQuery({ mode: v.mode, start: v.start ?? '', end: v.end ?? '', days: v.days ?? '' })
        }
      >
        <Form.Item name="mode" label={t('handbook.calc.workdays.mode')}>
          <Select
            onChange={(v: string) => setMode(v)}
            options={(['notice', 'add', 'count'] as const).map((m) => ({
              value: m,
              label: t(`handbook.calc.workdays.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="start" label={t('handbook.calc.workdays.start')}>
          <Input placeholder={DATE} />
        </Form.Item>
        {mode === 'count' ? (
          <Form.Item name="end" label={t('handbook.calc.workdays.end')}>
            <Input placeholder={DATE} />
          </Form.Item>
        ) : (
          <Form.Item name="days" label={t('handbook.calc.workdays.days')}>
            <Input inputMode="numeric" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {query !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <Space direction="vertical" size={4}>
                <Typography.Text strong className="zg-calc-result">
                  {result.data.explanation}
                </Typography.Text>
                {result.data.warnings.map((w) => (
                  <Alert key={w} type="warning" showIcon message={w} />
                ))}
                <RuleRefs refs={result.data.ruleRefs} onOpen={onOpen} />
              </Space>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

function PlanCalculator({ onOpen }: { onOpen: Open }) {
  const [from, setFrom] = useState<string | null>(null);
  const result = usePlan(from);
  return (
    <Card title={t('handbook.calc.plan')} size="small" className="zg-calc-plan">
      <Form layout="inline" onFinish={(v: { from?: string }) => setFrom(v.from ?? '')}>
        <Form.Item name="from" label={t('handbook.calc.plan.from')}>
          <Input placeholder={DATE} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {from !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <>
                <Typography.Text type="secondary" code>
                  {t('handbook.calc.plan.cli', { from: result.data.from })}
                </Typography.Text>
                <Table
                  style={{ marginTop: 8 }}
                  size="small"
                  rowKey="step"
                  pagination={false}
                  dataSource={result.data.steps}
                  columns={[
                    { title: t('handbook.calc.plan.step'), dataIndex: 'title', width: 170 },
                    { title: t('handbook.calc.plan.earliest'), dataIndex: 'earliest', width: 110 },
                    { title: t('handbook.calc.plan.latest'), dataIndex: 'latest', width: 110 },
                    {
                      title: t('handbook.calc.plan.rule'),
                      dataIndex: 'rule',
                      width: 120,
                      render: (rule: string | null) =>
                        rule === null ? null : <RuleLink id={rule} onOpen={onOpen} />,
                    },
                    { title: t('handbook.calc.plan.note'), dataIndex: 'note' },
                  ]}
                />
              </>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

function ElectionCalculator({ onOpen, today }: { onOpen: Open; today: string }) {
  const [query, setQuery] = useState<ElectionThresholdsQuery | null>(null);
  const result = useElectionThresholds(query);
  return (
    <Card title={t('handbook.calc.election')} size="small" className="zg-calc-election">
      <Form
        layout="vertical"
        initialValues={{ kind: '党组织委员会', date: today }}
        onFinish={(v: {
          kind: string;
          expected?: string;
          present?: string;
          seats?: string;
          date?: string;
        }) =>
          setQuery({
            kind: v.kind,
            expected: v.expected ?? '',
            present: v.present ?? '',
            seats: v.seats ?? '',
            date: v.date ?? '',
          })
        }
      >
        <Form.Item name="kind" label={t('handbook.calc.election.kind')}>
          <Select options={['党组织委员会', '村民委员会'].map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name="expected" label={t('handbook.calc.election.expected')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="present" label={t('handbook.calc.election.present')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="seats" label={t('handbook.calc.election.seats')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="date" label={t('handbook.calc.election.date')}>
          <Input placeholder={DATE} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {query !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <Space direction="vertical" size={4}>
                {result.data.explanation.map((line) => (
                  <Typography.Text key={line} className="zg-calc-result">
                    {line}
                  </Typography.Text>
                ))}
                <RuleRefs refs={result.data.ruleRefs} onOpen={onOpen} />
              </Space>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

function TermDatesCalculator({ onOpen }: { onOpen: Open }) {
  const [start, setStart] = useState<string | null>(null);
  const result = useTermDates(start);
  return (
    <Card title={t('handbook.calc.term')} size="small" className="zg-calc-term">
      <Form layout="vertical" onFinish={(v: { termStart?: string }) => setStart(v.termStart ?? '')}>
        <Form.Item name="termStart" label={t('handbook.calc.term.start')}>
          <Input placeholder={DATE} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('handbook.calc.submit')}
        </Button>
      </Form>
      {start !== null ? (
        <div style={{ marginTop: 16 }}>
          <Outcome error={result.error}>
            {result.data ? (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'end',
                      label: t('handbook.calc.term.end'),
                      children: result.data.termEnd,
                    },
                    {
                      key: 'reminder',
                      label: t('handbook.calc.term.reminder'),
                      children: result.data.reminderFrom,
                    },
                    {
                      key: 'latest',
                      label: t('handbook.calc.term.latest'),
                      children: result.data.latestWithApproval,
                    },
                  ]}
                />
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={result.data.steps}
                  columns={[
                    { title: t('handbook.calc.plan.step'), dataIndex: 'title' },
                    { title: t('handbook.calc.term.due'), dataIndex: 'dueDate', width: 110 },
                  ]}
                />
                <RuleRefs refs={result.data.ruleRefs} onOpen={onOpen} />
              </Space>
            ) : null}
          </Outcome>
        </div>
      ) : null}
    </Card>
  );
}

export function Calculators({ onOpen, today }: { onOpen: Open; today: string }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <DuesCalculator onOpen={onOpen} />
        </Col>
        <Col xs={24} lg={8}>
          <MembershipAgeCalculator onOpen={onOpen} today={today} />
        </Col>
        <Col xs={24} lg={8}>
          <WorkdaysCalculator onOpen={onOpen} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ElectionCalculator onOpen={onOpen} today={today} />
        </Col>
        <Col xs={24} lg={12}>
          <TermDatesCalculator onOpen={onOpen} />
        </Col>
      </Row>
      <PlanCalculator onOpen={onOpen} />
    </Space>
  );
}
