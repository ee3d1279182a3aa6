import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import {
  commitImport,
  fileToBase64,
  IMPORT_MAX_MB,
  previewImport,
  rosterKeys,
  type ImportPreview,
} from '../../../api/roster';

const ACTION_LABELS = { create: '新增', update: '更新', unchanged: '无变化' } as const;
const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'default' } as const;

type Phase = 'idle' | 'reading' | 'checking' | 'ready' | 'writing' | 'done';

export function ImportTab({ canImport, canReveal }: { canImport: boolean; canReveal: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>('idle');
  const [token, setToken] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reveal, setReveal] = useState(false);

  const choose = async (f: File) => {
    setError(null);
    setDone(null);
    setPreview(null);
    setToken(null);
    if (f.size > IMPORT_MAX_MB * 1024 * 1024) {
      setError(
        `文件大小 ${(f.size / 1024 / 1024).toFixed(1)} MB，超过上限 ${IMPORT_MAX_MB} MB，未上传`,
      );
      setPhase('idle');
      return;
    }
    setPhase('reading');
    try {
      const base64 = await fileToBase64(f);
      setPhase('checking');
      const checked = await previewImport(f.name, base64);
      setPreview(checked);
      setToken(checked.token);
      setPhase('ready');
    } catch (e) {
      setError(errorMessage(e));
      setPhase('idle');
    }
  };

  const commit = async () => {
    if (!token) {
      return;
    }
    setPhase('writing');
    setError(null);
    try {
      const r = await commitImport(token);
      setDone(`已导入：新增 ${r.created} 人，更新 ${r.updated} 人，无变化 ${r.unchanged} 人`);
      setPreview(null);
      setToken(null);
      setPhase('done');
      void queryClient.invalidateQueries({ queryKey: rosterKeys.all });
      void message.success('导入完成');
    } catch (e) {
      setError(errorMessage(e));
      setPhase('ready');
    }
  };

  const percent = { idle: 0, reading: 20, checking: 50, ready: 70, writing: 85, done: 100 }[phase];
  const problems = preview?.problems ?? [];
  const problemCount = preview?.problemCount ?? 0;
  const exportUrl = `/api/roster/export${reveal ? '?revealIdNumbers=true' : ''}`;

  return (
    <Row gutter={12}>
      <Col xs={24} lg={8}>
        <Card title="模板与导出" style={{ marginBottom: 12 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              模板的列：姓名、性别、民族、出生日期、公民身份号码（文本）、学历、联系电话、职业、工作单位及职务、所在党组织、党籍状态、入党日期、转正日期；也认可全国党员管理信息系统导出的列名（如“人员类别”“所在党支部”）。
            </Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href="/api/roster/template">
              下载导入模板
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl}>
              导出管辖范围内的花名册
            </Button>
            {canReveal ? (
              <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)}>
                导出完整的公民身份号码（记入审计）
              </Checkbox>
            ) : (
              <Typography.Text type="secondary">导出的公民身份号码已脱敏。</Typography.Text>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title="导入花名册">
          {!canImport ? (
            <Alert type="info" showIcon title="只有县级管理员和乡镇组织委员可以导入花名册。" />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(f) => {
                  void choose(f);
                  return false;
                }}
              >
                <Button
                  icon={<UploadOutlined />}
                  disabled={phase === 'checking' || phase === 'writing'}
                >
                  选择 .xlsx 文件并校验
                </Button>
              </Upload>
              {phase !== 'idle' ? (
                <Progress
                  percent={percent}
                  status={phase === 'checking' || phase === 'writing' ? 'active' : 'normal'}
                  format={() =>
                    ({
                      idle: '',
                      reading: '读取文件',
                      checking: '逐行校验',
                      ready: '校验完成',
                      writing: '写入中',
                      done: '完成',
                    })[phase]
                  }
                />
              ) : null}
              {error ? <Alert type="error" showIcon title={error} /> : null}
              {done ? <Alert type="success" showIcon title={done} /> : null}
              {preview ? (
                <>
                  <Row gutter={12}>
                    <Col span={6}>
                      <Statistic title="文件行数" value={preview.fileRows} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="新增" value={preview.created} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="更新" value={preview.updated} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="无变化" value={preview.unchanged} />
                    </Col>
                  </Row>
                  {problemCount > 0 ? (
                    <>
                      <Alert
                        type="error"
                        showIcon
                        title={`有 ${problemCount} 处错误${problemCount > problems.length ? `（下表列出前 ${problems.length} 处）` : ''}，改正后重新选择文件；在此之前不会导入任何人员。`}
                      />
                      <Table
                        className="zg-import-problems"
                        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
                        size="small"
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        dataSource={problems}
                        columns={[
                          {
                            title: '行',
                            dataIndex: 'row',
                            width: 70,
                            render: (r: number) => (r === 0 ? '—' : `第${r}行`),
                          },
                          { title: '列', dataIndex: 'column', width: 120 },
                          {
                            title: '值',
                            dataIndex: 'value',
                            width: 200,
                            render: (v: string) => (
                              <Typography.Text code>{v || '（空）'}</Typography.Text>
                            ),
                          },
                          { title: '问题', dataIndex: 'message' },
                        ]}
                      />
                    </>
                  ) : (
                    <>
                      <Table
                        rowKey="row"
                        size="small"
                        pagination={{ pageSize: 10, hideOnSinglePage: true }}
                        dataSource={preview.rows}
                        locale={{ emptyText: '没有需要新增或更新的人员' }}
                        columns={[
                          {
                            title: '行',
                            dataIndex: 'row',
                            width: 70,
                            render: (r: number) => `第${r}行`,
                          },
                          {
                            title: '处理',
                            dataIndex: 'action',
                            width: 80,
                            render: (a: keyof typeof ACTION_LABELS) => (
                              <Tag color={ACTION_COLORS[a]}>{ACTION_LABELS[a]}</Tag>
                            ),
                          },
                          { title: '姓名', dataIndex: 'name', width: 90 },
                          { title: '公民身份号码', dataIndex: 'idNumberMasked', width: 190 },
                          { title: '所在党组织', dataIndex: 'orgName' },
                          { title: '党籍状态', dataIndex: 'statusLabel', width: 100 },
                          {
                            title: '变更的列',
                            dataIndex: 'changes',
                            render: (c: string[]) => c.join('、'),
                          },
                        ]}
                      />
                      <Button
                        type="primary"
                        loading={phase === 'writing'}
                        disabled={token === null || preview.created + preview.updated === 0}
                        onClick={() => void commit()}
                      >
                        确认导入（新增 {preview.created}，更新 {preview.updated}）
                      </Button>
                    </>
                  )}
                </>
              ) : null}
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
