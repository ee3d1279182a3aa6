import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  useMarkStep,
  useSavePlan,
  useTermRegister,
  type PlanInput,
  type PlanView,
} from '../../api/elections';
import { errorMessage } from '../../api/client';
import { et } from '../../locales/zh-CN/elections';
import { FindingLine, todayIso } from './shared';

type Step = PlanView['steps'][number];

/** Choose 选举日 and the bodies; the steps are counted back from the day, each with its source. */
export function PlanTab() {
  const { message } = App.useApp();
  const register = useTermRegister();
  const save = useSavePlan();
  const mark = useMarkStep();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [date, setDate] = useState('');
  const [bodies, setBodies] = useState<PlanInput['bodyKinds']>(['党组织委员会', '村民委员会']);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [doneDate, setDoneDate] = useState(todayIso());
  const villages = register.data?.items ?? [];
  const shown =
    plan ?? (orgId === null ? null : (villages.find((v) => v.orgId === orgId)?.plan ?? null));

  const generate = async () => {
    if (orgId === null || date === '') {
      message.warning(et('elections.plan.pick'));
      return;
    }
    try {
      setPlan(await save.mutateAsync({ orgId, electionDate: date, bodyKinds: bodies }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const toggle = async (step: Step) => {
    if (shown === null) {
      return;
    }
    try {
      setPlan(
        await mark.mutateAsync({
          planId: shown.id,
          step: step.key,
          doneOn: step.doneOn === null ? doneDate || todayIso() : null,
        }),
      );
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={et('elections.plan.village')}>
          <Select
            id="plan-village"
            style={{ width: 200 }}
            value={orgId ?? undefined}
            onChange={(v: number) => {
              setOrgId(v);
              setPlan(null);
              setDate(villages.find((x) => x.orgId === v)?.plan?.electionDate ?? '');
            }}
            options={villages.map((v) => ({ value: v.orgId, label: v.orgName }))}
          />
        </Form.Item>
        <Form.Item label={et('elections.plan.date')}>
          <Input
            id="plan-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={et('elections.plan.bodies')}>
          <Checkbox.Group
            value={bodies}
            onChange={(v) => setBodies(v)}
            options={['党组织委员会', '村民委员会']}
          />
        </Form.Item>
        <Button type="primary" onClick={() => void generate()} loading={save.isPending}>
          {et('elections.plan.generate')}
        </Button>
      </Form>
      {shown === null ? (
        <Alert type="info" showIcon title={et('elections.plan.pick')} />
      ) : (
        <>
          <Space style={{ marginBottom: 8 }} wrap>
            <label htmlFor="plan-done-date">{et('elections.plan.doneDate')}</label>
            <Input
              id="plan-done-date"
              type="date"
              style={{ width: 160 }}
              value={doneDate}
              onChange={(e) => setDoneDate(e.target.value)}
            />
            <a href={`/api/elections/plans/${shown.id}/plan.xlsx`}>{et('elections.plan.export')}</a>
          </Space>
          {shown.findings.length === 0 ? null : (
            <div style={{ marginBottom: 12 }} data-testid="plan-findings">
              {shown.findings.map((f, i) => (
                <FindingLine key={i} finding={f} />
              ))}
            </div>
          )}
          <Table<Step>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={shown.steps}
            columns={[
              { title: et('elections.plan.step'), dataIndex: 'title' },
              {
                title: et('elections.plan.due'),
                key: 'due',
                render: (_, s) => (
                  <Space>
                    <strong>{s.dueDate}</strong>
                    {s.overdue ? <Tag color="red">{et('elections.plan.overdue')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: et('elections.plan.source'),
                key: 'source',
                width: '34%',
                render: (_, s) => (
                  <span>
                    <Tag color={s.isStatutory ? 'blue' : 'default'}>
                      {s.isStatutory ? et('elections.plan.statutory') : et('elections.plan.local')}
                    </Tag>
                    <Typography.Text type="secondary">
                      {s.source.replace(/^地方口径：/, '')}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: et('elections.plan.documents'),
                key: 'docs',
                render: (_, s) => s.documents.join('、'),
              },
              {
                title: et('elections.plan.done'),
                key: 'done',
                render: (_, s) => (
                  <Space>
                    {s.doneOn === null ? null : (
                      <Tag color={s.late ? 'red' : 'green'}>
                        {s.late ? `${s.doneOn} ${et('elections.plan.late')}` : s.doneOn}
                      </Tag>
                    )}
                    <Button
                      size="small"
                      data-testid={`plan-mark-${s.key}`}
                      onClick={() => void toggle(s)}
                      loading={mark.isPending}
                    >
                      {s.doneOn === null
                        ? et('elections.plan.markDone')
                        : et('elections.plan.undo')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
