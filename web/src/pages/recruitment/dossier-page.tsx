import { ArrowLeftOutlined, DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Dropdown,
  Empty,
  List,
  Modal,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  documentUrl,
  useDossier,
  useDossierHistory,
  type DocumentKind,
  type StepView,
} from '../../api/recruitment';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { rt } from '../../locales/zh-CN/recruitment';
import { canWrite, FindingLine, StageTag, TOWNSHIP_ROLES } from './shared';
import { StepEditor } from './step-editor';

function stepDateText(step: StepView): string {
  const f = step.entry?.fields;
  if (f === undefined) {
    return '';
  }
  if (Array.isArray(f['dates'])) {
    return (f['dates'] as string[]).join('、');
  }
  if (typeof f['startDate'] === 'string') {
    return `${f['startDate']} 至 ${String(f['endDate'])}`;
  }
  return typeof f['date'] === 'string' ? f['date'] : '';
}

function download(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function DossierPage() {
  const { id } = useParams();
  const dossierId = Number(id);
  const me = useMe();
  const dossier = useDossier(dossierId);
  const history = useDossierHistory(dossierId);
  const [editing, setEditing] = useState<StepView | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [noticeStart, setNoticeStart] = useState<Dayjs | null>(null);

  if (dossier.isError) {
    return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  if (dossier.isPending) {
    return <Skeleton active />;
  }
  const d = dossier.data;
  const writer = canWrite(me.role);
  const township = TOWNSHIP_ROLES.includes(me.role);
  const errors = d.findings.filter((f) => f.severity === 'error');
  const others = d.findings.filter((f) => f.severity !== 'error');
  const nextKeys = new Set(d.next.map((n) => n.step));
  const recordedNotice = d.steps.find((s) => s.step === 'preReview')?.entry?.fields[
    'publicNotice'
  ] as { startDate?: string } | undefined;

  const docItems: { key: DocumentKind; label: string }[] = [
    { key: 'notice', label: rt('recruitment.doc.notice') },
    { key: 'resolution', label: rt('recruitment.doc.resolution') },
    { key: 'record', label: rt('recruitment.doc.record') },
    { key: 'checklist', label: rt('recruitment.doc.checklist') },
  ];

  return (
    <div>
      <PageHeader
        title={`${d.name} · ${d.orgName}`}
        description={`档案编号 ${d.code} · 检查日期 ${d.asOf}`}
        extra={
          <Space>
            <Link to="/recruitment">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            <Dropdown
              menu={{
                items: docItems.map((x) => ({
                  key: x.key,
                  label: x.label,
                  icon: <FileWordOutlined />,
                })),
                onClick: ({ key }) => {
                  if (key === 'notice') {
                    setNoticeStart(dayjs(recordedNotice?.startDate ?? d.asOf));
                    setNoticeOpen(true);
                  } else {
                    download(documentUrl(d.id, key as DocumentKind));
                  }
                },
              }}
            >
              <Button icon={<DownloadOutlined />}>{rt('recruitment.dossier.documents')}</Button>
            </Dropdown>
          </Space>
        }
      />
      {d.unreadable !== null ? (
        <Alert type="error" showIcon title={d.unreadable} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }}>
          <Descriptions.Item label="阶段">
            <StageTag stage={d.stage} />
          </Descriptions.Item>
          <Descriptions.Item label="性别">{d.gender}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{d.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公民身份号码">{d.idNumberMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="学历">{d.education ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="职业">{d.occupation ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={rt('recruitment.dossier.timeline')} size="small">
            <Timeline
              items={d.steps.map((s) => {
                const hasError = s.findings.some((f) => f.severity === 'error');
                const canEdit = writer && (!s.township || township);
                return {
                  color: hasError
                    ? 'red'
                    : s.entry !== null
                      ? 'green'
                      : nextKeys.has(s.step)
                        ? 'blue'
                        : 'gray',
                  content: (
                    <div data-testid={`step-${s.step}`} className="zg-step">
                      <Space wrap size={[8, 2]}>
                        <Typography.Text
                          strong={s.entry !== null}
                          type={s.entry === null ? 'secondary' : undefined}
                        >
                          {s.index}. {s.title}
                        </Typography.Text>
                        {s.entry !== null ? (
                          <Typography.Text>{stepDateText(s)}</Typography.Text>
                        ) : null}
                        {s.township ? <Tag>{rt('recruitment.step.township')}</Tag> : null}
                        {s.entry?.lateEntry ? (
                          <Tag color="purple" title={s.entry.lateReason ?? ''}>
                            补录
                          </Tag>
                        ) : null}
                        {s.entry?.flagReason ? (
                          <Tag color="volcano" title={s.entry.flagReason}>
                            标记问题：{s.entry.flagReason}
                          </Tag>
                        ) : null}
                        {canEdit ? (
                          <Button size="small" type="link" onClick={() => setEditing(s)}>
                            {s.entry === null
                              ? rt('recruitment.step.edit')
                              : rt('recruitment.step.change')}
                          </Button>
                        ) : null}
                      </Space>
                      {s.entry === null && nextKeys.has(s.step) && s.window !== null ? (
                        <div>
                          <Typography.Text type="secondary">
                            {rt('recruitment.step.window')}：{s.window.earliest ?? '—'} 至{' '}
                            {s.window.latest ?? '不限'}
                          </Typography.Text>
                        </div>
                      ) : null}
                      {s.findings.map((f, i) => (
                        <FindingLine key={i} finding={f} />
                      ))}
                    </div>
                  ),
                };
              })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={rt('recruitment.dossier.findings')}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="findings"
          >
            {d.findings.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={rt('recruitment.dossier.noFindings')}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {[...errors, ...others].map((f, i) => (
                  <FindingLine key={i} finding={f} />
                ))}
              </Space>
            )}
          </Card>
          <Card title={rt('recruitment.dossier.flags')} size="small" style={{ marginBottom: 16 }}>
            {d.flags.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={d.flags}
                renderItem={(f) => (
                  <List.Item>
                    <div>
                      <Tag color={f.severity === 'warning' ? 'gold' : 'default'}>
                        {
                          {
                            late: '补录',
                            batch: '集中补录',
                            dependency: '材料日期倒置',
                            holiday: '节假日审批',
                          }[f.kind]
                        }
                      </Tag>
                      {f.message}
                      <div>
                        <Typography.Text type="secondary">依据：{f.source}</Typography.Text>
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title={rt('recruitment.dossier.history')} size="small">
            <List
              size="small"
              loading={history.isPending}
              dataSource={history.data ?? []}
              renderItem={(h) => (
                <List.Item>
                  <div>
                    <Typography.Text type="secondary">
                      {dayjs(h.at).format('YYYY-MM-DD HH:mm')} {h.actorName}
                    </Typography.Text>
                    <div>{h.summary}</div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {editing !== null ? (
        <StepEditor
          dossier={d}
          step={d.steps.find((s) => s.step === editing.step) ?? editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <Modal
        open={noticeOpen}
        title={rt('recruitment.notice.title')}
        okText={rt('recruitment.notice.download')}
        cancelText="取消"
        onCancel={() => setNoticeOpen(false)}
        onOk={() => {
          download(documentUrl(d.id, 'notice', noticeStart?.format('YYYY-MM-DD')));
          setNoticeOpen(false);
        }}
      >
        <Space orientation="vertical">
          <Typography.Text>
            公示期按工作日计算（起止日均计入，法定节假日不计，调休上班日计入），结束日期由系统推算并写入公示。
          </Typography.Text>
          <Space>
            <label htmlFor="notice-start">{rt('recruitment.notice.start')}</label>
            <DatePicker
              id="notice-start"
              value={noticeStart}
              onChange={(v) => setNoticeStart(v)}
              format="YYYY-MM-DD"
              allowClear={false}
            />
          </Space>
        </Space>
      </Modal>
    </div>
  );
}
