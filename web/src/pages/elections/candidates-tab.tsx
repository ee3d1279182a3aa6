import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  checkCandidates,
  useCandidateChecks,
  useNegativeItems,
  useSaveCandidateCheck,
  useTermRegister,
  useVillageMembers,
  type CandidateCheckInput,
  type CandidateCheckResult,
} from '../../api/elections';
import { useMe } from '../../auth/session';
import { et } from '../../locales/zh-CN/elections';
import { FindingLine, todayIso } from './shared';

type Body = CandidateCheckInput['bodyKind'];
type Entry = CandidateCheckInput['candidates'][number];

const RESIDENCE = [
  { value: 'hukouResident', label: '户籍在本村并居住' },
  { value: 'hukouAbsent', label: '户籍在本村、不在本村居住' },
  { value: 'residentOneYear', label: '户籍不在本村、居住一年以上' },
  { value: 'none', label: '以上都不是' },
];

/** Screens a slate: eligibility from the roster, the 负面清单 hits of the 联审, the 差额. */
export function CandidatesTab() {
  const { message } = App.useApp();
  const register = useTermRegister();
  const me = useMe();
  const canSave = me.role !== 'inspector';
  const negative = useNegativeItems();
  const [orgId, setOrgId] = useState<number | null>(null);
  const stored = useCandidateChecks(orgId);
  const saveCheck = useSaveCandidateCheck();
  const members = useVillageMembers(orgId);
  const [body, setBody] = useState<Body>('党组织委员会');
  const [date, setDate] = useState(todayIso());
  const [seats, setSeats] = useState<number | null>(5);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [result, setResult] = useState<CandidateCheckResult | null>(null);
  const villages = register.data?.items ?? [];
  const nameOf = (id: number) => members.data?.find((m) => m.personId === id)?.name ?? String(id);

  const update = (personId: number, change: Partial<Entry>) =>
    setEntries((list) => list.map((e) => (e.personId === personId ? { ...e, ...change } : e)));

  const offered = (negative.data ?? []).filter(
    (n) => n.active && (n.appliesTo === 'both' || n.appliesTo === body),
  );

  const run = async (keep: boolean) => {
    if (orgId === null || seats === null) {
      message.warning(et('elections.plan.pick'));
      return;
    }
    const input = { orgId, bodyKind: body, date, seats, candidates: entries };
    try {
      if (keep) {
        setResult(await saveCheck.mutateAsync(input));
        message.success(et('elections.cand.saved'));
      } else {
        setResult(await checkCandidates(input));
      }
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              id="cand-village"
              placeholder={et('elections.plan.village')}
              style={{ width: 180 }}
              value={orgId ?? undefined}
              onChange={(v: number) => {
                setOrgId(v);
                setEntries([]);
                setResult(null);
              }}
              options={villages.map((v) => ({ value: v.orgId, label: v.orgName }))}
            />
            <Select
              id="cand-body"
              style={{ width: 150 }}
              value={body}
              onChange={(v: Body) => {
                setBody(v);
                setResult(null);
              }}
              options={['党组织委员会', '村民委员会'].map((k) => ({ value: k, label: k }))}
            />
            <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            <InputNumber
              placeholder={et('elections.tally.seats')}
              min={1}
              precision={0}
              value={seats}
              onChange={setSeats}
            />
          </Space>
          <Select
            id="cand-people"
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder="从名册中选择候选人初步人选"
            style={{ width: '100%', marginBottom: 12 }}
            value={entries.map((e) => e.personId)}
            onChange={(ids: number[]) =>
              setEntries((list) =>
                ids.map(
                  (id) =>
                    list.find((e) => e.personId === id) ?? {
                      personId: id,
                      residence: null,
                      negativeHits: [],
                      forSecretary: false,
                    },
                ),
              )
            }
            options={(members.data ?? []).map((m) => ({
              value: m.personId,
              label: `${m.name}（${m.statusLabel}${m.age === null ? '' : `，${m.age}岁`}）`,
            }))}
          />
          <Table<Entry>
            size="small"
            rowKey="personId"
            pagination={false}
            dataSource={entries}
            columns={[
              { title: et('elections.tally.name'), render: (_, e) => nameOf(e.personId) },
              body === '党组织委员会'
                ? {
                    title: '书记人选',
                    render: (_, e) => (
                      <Checkbox
                        checked={e.forSecretary}
                        onChange={(x) => update(e.personId, { forSecretary: x.target.checked })}
                      />
                    ),
                  }
                : {
                    title: '户籍与居住',
                    render: (_, e) => (
                      <Select
                        style={{ width: 200 }}
                        allowClear
                        value={e.residence ?? undefined}
                        onChange={(v?: Entry['residence']) =>
                          update(e.personId, { residence: v ?? null })
                        }
                        options={RESIDENCE}
                      />
                    ),
                  },
              {
                title: '资格联审：负面清单',
                render: (_, e, index) => (
                  <Select
                    id={`cand-negative-${index}`}
                    mode="multiple"
                    style={{ minWidth: 220 }}
                    value={e.negativeHits}
                    onChange={(v: string[]) => update(e.personId, { negativeHits: v })}
                    options={offered.map((n) => ({ value: n.key, label: n.label }))}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void run(false)}>
              检查资格和差额
            </Button>
            {canSave ? (
              <Button
                loading={saveCheck.isPending}
                disabled={entries.length === 0}
                onClick={() => void run(true)}
              >
                {et('elections.cand.save')}
              </Button>
            ) : null}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="检查结果">
          {result === null ? (
            <Alert type="info" showIcon title="选择候选人后点“检查资格和差额”" />
          ) : (
            <div>
              {result.slate.length === 0 ? (
                <Alert type="success" showIcon title="差额和班子组成符合要求" />
              ) : (
                result.slate.map((f, i) => <FindingLine key={i} finding={f} />)
              )}
              {result.candidates.map((c) => (
                <div key={c.name} style={{ marginTop: 12 }}>
                  <Tag color={c.eligible ? 'green' : 'red'}>
                    {c.eligible ? '符合资格' : '不符合资格'}
                  </Tag>
                  <strong>{c.name}</strong>
                  {c.findings.map((f, i) => (
                    <FindingLine key={i} finding={f} />
                  ))}
                </div>
              ))}
            </div>
          )}
        </Card>
        {orgId === null ? null : (
          <Card size="small" title={et('elections.cand.history')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={stored.data ?? []}
              expandable={{
                expandedRowRender: (c) => (
                  <div>
                    {c.candidates.map((x) => (
                      <div key={x.personId}>
                        <Tag color={x.eligible ? 'green' : 'red'}>
                          {x.eligible ? '符合资格' : '不符合资格'}
                        </Tag>
                        <strong>{x.name}</strong>
                        {x.findings.map((f, i) => (
                          <FindingLine key={i} finding={f} />
                        ))}
                      </div>
                    ))}
                    <div style={{ marginTop: 8 }}>
                      {et('elections.cand.listUsed')}：
                      {c.negativeList.map((n) => n.label).join('；')}
                    </div>
                  </div>
                ),
              }}
              columns={[
                {
                  title: et('elections.cand.recordedAt'),
                  render: (_, c) => c.recordedAt.slice(0, 10),
                },
                { title: et('elections.plan.date'), dataIndex: 'date' },
                { title: '班子', dataIndex: 'bodyKind' },
                {
                  title: et('elections.cand.eligible'),
                  render: (_, c) =>
                    `${c.candidates.filter((x) => x.eligible).length}/${c.candidates.length}`,
                },
                { title: '记录人', dataIndex: 'recordedByName' },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
