import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  previewTally,
  useRecordRound,
  useRounds,
  useTermRegister,
  type RoundPost,
  type TallyResult,
} from '../../api/elections';
import { et } from '../../locales/zh-CN/elections';
import { FindingLine, todayIso } from './shared';

interface Candidate {
  key: number;
  name: string;
  votes: number | null;
  /** The post this candidate stands for, in a round electing several posts at once. */
  post?: RoundPost | undefined;
}

type Kind = '党组织委员会' | '党组织书记副书记' | '村民委员会';

/** The posts each kind of round may elect (as the server checks them). */
const POSTS: Record<Kind, RoundPost[]> = {
  党组织委员会: ['委员'],
  党组织书记副书记: ['书记', '副书记'],
  村民委员会: ['主任', '副主任', '委员'],
};

const OUTCOME_COLOR = { elected: 'green', revote: 'orange', notElected: 'default', void: 'red' };

let nextKey = 1;

/** Enter the figures read out in the meeting room; the round is judged as they are typed. */
export function TallyTab() {
  const { message } = App.useApp();
  const register = useTermRegister();
  const record = useRecordRound();
  const [orgId, setOrgId] = useState<number | null>(null);
  const rounds = useRounds(orgId);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<Kind>('党组织委员会');
  const [post, setPost] = useState<RoundPost | null>(null);
  const [roundKind, setRoundKind] = useState<'正式选举' | '另行选举'>('正式选举');
  const [date, setDate] = useState(todayIso());
  const [counts, setCounts] = useState<Record<string, number | null>>({
    seats: null,
    expectedVoters: null,
    presentVoters: null,
    ballotsIssued: null,
    ballotsReturned: null,
  });
  const [candidates, setCandidates] = useState<Candidate[]>([
    { key: nextKey++, name: '', votes: null },
  ]);
  const [result, setResult] = useState<TallyResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<{
    code: string;
    complete: boolean;
    notes: TallyResult['findings'];
  } | null>(null);
  const villages = register.data?.items ?? [];
  const village = villages.find((v) => v.orgId === orgId);

  const round = useMemo(
    () => ({
      id: code.trim() === '' ? '本轮' : code.trim(),
      kind,
      round: roundKind,
      date,
      ...counts,
      candidates: candidates
        .filter((c) => c.name.trim() !== '')
        .map((c) => ({ name: c.name.trim(), votes: c.votes })),
    }),
    [code, kind, roundKind, date, counts, candidates],
  );
  const complete =
    Object.values(counts).every((v) => v !== null) &&
    round.candidates.length > 0 &&
    round.candidates.every((c) => c.votes !== null);

  useEffect(() => {
    if (!complete) {
      setResult(null);
      setProblem(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      previewTally(round)
        .then((r) => {
          if (live) {
            setResult(r);
            setProblem(null);
          }
        })
        .catch((e: unknown) => {
          if (live) {
            setResult(null);
            setProblem(errorMessage(e));
          }
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [round, complete]);

  const save = async () => {
    if (orgId === null) {
      message.warning(et('elections.plan.pick'));
      return;
    }
    try {
      const candidatePosts = Object.fromEntries(
        candidates
          .filter((c) => c.name.trim() !== '' && c.post !== undefined)
          .map((c) => [c.name.trim(), c.post as RoundPost]),
      );
      const view = await record.mutateAsync({ orgId, round, post, candidatePosts });
      const r = view.result;
      setSaved({
        code: view.code,
        complete:
          r.valid &&
          r.revote.length === 0 &&
          r.shortfall === 0 &&
          !r.findings.some((f) => f.severity === 'error'),
        // Checks made on saving with the roster (VC-01: a woman among the elected).
        notes: r.findings.filter((f) => f.rule === 'VC-01'),
      });
      message.success(et('elections.tally.saved', { code: view.code }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const number = (key: string, label: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <label className="zg-election-label" htmlFor={`tally-${key}`}>
        {label}
      </label>
      <InputNumber
        id={`tally-${key}`}
        min={0}
        precision={0}
        style={{ width: '100%' }}
        value={counts[key]}
        onChange={(v) => setCounts((c) => ({ ...c, [key]: v }))}
      />
    </Col>
  );

  const names = round.candidates.map((c) => c.name);
  const ballotHref =
    names.length === 0 || counts.seats === null
      ? undefined
      : `/api/elections/documents/ballot.docx?${new URLSearchParams([
          ['title', `${village?.orgName ?? ''}${kind}${roundKind}`],
          ['kind', kind],
          ['seats', String(counts.seats)],
          ...names.map((n) => ['names', n]),
        ]).toString()}`;

  const sheetHref =
    ballotHref === undefined
      ? undefined
      : `/api/elections/documents/tally-sheet.docx?${new URLSearchParams([
          ['title', `${village?.orgName ?? ''}${kind}${roundKind}`],
          ['kind', kind],
          ['seats', String(counts.seats)],
          ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? [['date', date]] : []),
          ...names.map((n) => ['names', n]),
        ]).toString()}`;

  const rulesHref =
    counts.seats === null
      ? undefined
      : `/api/elections/documents/rules.docx?${new URLSearchParams([
          ['title', `${village?.orgName ?? ''}${kind}`],
          ['kind', kind],
          ['seats', String(counts.seats)],
        ]).toString()}`;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <label className="zg-election-label" htmlFor="tally-village">
                {et('elections.tally.village')}
              </label>
              <Select
                id="tally-village"
                style={{ width: '100%' }}
                value={orgId ?? undefined}
                onChange={(v: number) => setOrgId(v)}
                options={villages.map((v) => ({ value: v.orgId, label: v.orgName }))}
              />
            </Col>
            <Col xs={12} md={8}>
              <label className="zg-election-label" htmlFor="tally-code">
                {et('elections.tally.code')}
              </label>
              <Input id="tally-code" value={code} onChange={(e) => setCode(e.target.value)} />
            </Col>
            <Col xs={12} md={8}>
              <label className="zg-election-label" htmlFor="tally-date">
                {et('elections.tally.date')}
              </label>
              <Input
                id="tally-date"
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            </Col>
            <Col xs={12} md={8}>
              <label className="zg-election-label" htmlFor="tally-kind">
                {et('elections.tally.kind')}
              </label>
              <Select
                id="tally-kind"
                style={{ width: '100%' }}
                value={kind}
                onChange={(k: Kind) => {
                  setKind(k);
                  setPost(null);
                  setCandidates((list) => list.map((c) => ({ ...c, post: undefined })));
                }}
                options={['党组织委员会', '党组织书记副书记', '村民委员会'].map((k) => ({
                  value: k,
                  label: k,
                }))}
              />
            </Col>
            <Col xs={12} md={8}>
              <label className="zg-election-label" htmlFor="tally-round">
                {et('elections.tally.round')}
              </label>
              <Select
                id="tally-round"
                style={{ width: '100%' }}
                value={roundKind}
                onChange={setRoundKind}
                options={['正式选举', '另行选举'].map((k) => ({ value: k, label: k }))}
              />
            </Col>
            <Col xs={24} md={8}>
              <label className="zg-election-label" htmlFor="tally-post">
                {et('elections.tally.post')}
              </label>
              <Select
                id="tally-post"
                style={{ width: '100%' }}
                value={post ?? ''}
                onChange={(v: RoundPost | '') => setPost(v === '' ? null : v)}
                options={[
                  { value: '', label: et('elections.tally.postDefault') },
                  ...POSTS[kind].map((p) => ({ value: p, label: p })),
                ]}
              />
            </Col>
            {number('seats', et('elections.tally.seats'))}
            {number('expectedVoters', et('elections.tally.expected'))}
            {number('presentVoters', et('elections.tally.present'))}
            {number('ballotsIssued', et('elections.tally.issued'))}
            {number('ballotsReturned', et('elections.tally.returned'))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {et('elections.tally.candidates')}
          </Typography.Title>
          <Space direction="vertical" style={{ width: '100%' }}>
            {candidates.map((c, i) => (
              <Space key={c.key}>
                <Input
                  id={`candidate-name-${i}`}
                  placeholder={et('elections.tally.name')}
                  value={c.name}
                  onChange={(e) =>
                    setCandidates((list) =>
                      list.map((x) => (x.key === c.key ? { ...x, name: e.target.value } : x)),
                    )
                  }
                />
                <InputNumber
                  id={`candidate-votes-${i}`}
                  placeholder={et('elections.tally.votes')}
                  min={0}
                  precision={0}
                  value={c.votes}
                  onChange={(v) =>
                    setCandidates((list) =>
                      list.map((x) => (x.key === c.key ? { ...x, votes: v } : x)),
                    )
                  }
                />
                {kind === '党组织委员会' ? null : (
                  <Select
                    id={`candidate-post-${i}`}
                    aria-label={et('elections.tally.candidatePost')}
                    placeholder={et('elections.tally.candidatePost')}
                    allowClear
                    style={{ width: 100 }}
                    value={c.post}
                    onChange={(v?: RoundPost) =>
                      setCandidates((list) =>
                        list.map((x) => (x.key === c.key ? { ...x, post: v } : x)),
                      )
                    }
                    options={POSTS[kind].map((p) => ({ value: p, label: p }))}
                  />
                )}
                <Button
                  aria-label="删除"
                  onClick={() => setCandidates((list) => list.filter((x) => x.key !== c.key))}
                >
                  −
                </Button>
              </Space>
            ))}
            <Button
              onClick={() =>
                setCandidates((list) => [...list, { key: nextKey++, name: '', votes: null }])
              }
            >
              {et('elections.tally.addCandidate')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {et('elections.tally.postsNote')}
          </Typography.Paragraph>
          <Space style={{ marginTop: 8 }}>
            <Button
              type="primary"
              disabled={result === null}
              loading={record.isPending}
              onClick={() => void save()}
            >
              {et('elections.tally.save')}
            </Button>
            <Button href={ballotHref} disabled={ballotHref === undefined}>
              {et('elections.tally.ballot')}
            </Button>
            <Button href={sheetHref} disabled={sheetHref === undefined}>
              {et('elections.tally.sheet')}
            </Button>
            <Button href={rulesHref} disabled={rulesHref === undefined}>
              {et('elections.tally.rules')}
            </Button>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={et('elections.tally.result')} data-testid="tally-result">
          {problem !== null ? (
            <Alert type="error" showIcon title={problem} />
          ) : result === null ? (
            <Typography.Text type="secondary">{et('elections.tally.incomplete')}</Typography.Text>
          ) : (
            <TallyView result={result} />
          )}
        </Card>
        {saved === null ? null : (
          <Alert
            style={{ marginTop: 16 }}
            type={saved.complete ? 'success' : 'warning'}
            showIcon
            title={et(saved.complete ? 'elections.tally.newTerm' : 'elections.tally.notComplete', {
              code: saved.code,
            })}
            description={
              saved.notes.length === 0
                ? undefined
                : saved.notes.map((f, i) => <FindingLine key={i} finding={f} />)
            }
          />
        )}
        {orgId === null ? null : (
          <Card size="small" title={et('elections.tally.history')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rounds.data ?? []}
              columns={[
                { title: et('elections.tally.code'), dataIndex: 'code' },
                { title: et('elections.tally.date'), render: (_, r) => r.round.date },
                {
                  title: et('elections.tally.elected'),
                  render: (_, r) =>
                    r.result.valid ? (
                      r.result.elected.join('、') || et('elections.tally.none')
                    ) : (
                      <Tag color="red">{et('elections.outcome.void')}</Tag>
                    ),
                },
                {
                  title: '',
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <a href={`/api/elections/rounds/${r.id}/report.docx`}>
                        {et('elections.tally.report')}
                      </a>
                      <a href={`/api/elections/rounds/${r.id}/announcement.docx`}>
                        {et('elections.tally.announcement')}
                      </a>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function TallyView({ result }: { result: TallyResult }) {
  return (
    <div>
      {result.valid ? (
        <Alert type="success" showIcon title={et('elections.tally.valid')} />
      ) : (
        <Alert type="error" showIcon title={et('elections.tally.void')} />
      )}
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={et('elections.tally.elected')}>
          <span data-testid="elected">
            {result.elected.length === 0 ? et('elections.tally.none') : result.elected.join('、')}
          </span>
        </Descriptions.Item>
        {result.revote.length > 0 ? (
          <Descriptions.Item label={et('elections.tally.revote')}>
            {result.revote.join('、')}
          </Descriptions.Item>
        ) : null}
        {result.shortfall > 0 ? (
          <Descriptions.Item label="">
            {et('elections.tally.shortfall', { n: result.shortfall })}
          </Descriptions.Item>
        ) : null}
        {result.threshold === null ? null : (
          <Descriptions.Item label="">
            {et('elections.tally.threshold', {
              basis: result.threshold.basis,
              base: result.threshold.base,
              min: result.threshold.minVotes,
            })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={result.candidates}
        columns={[
          { title: et('elections.tally.name'), dataIndex: 'name' },
          { title: et('elections.tally.votes'), dataIndex: 'votes' },
          {
            title: '',
            render: (_, c) => (
              <Tag color={OUTCOME_COLOR[c.outcome]}>{et(`elections.outcome.${c.outcome}`)}</Tag>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        {result.findings.map((f, i) => (
          <FindingLine key={i} finding={f} />
        ))}
      </div>
    </div>
  );
}
