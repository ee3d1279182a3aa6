import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import { recruitmentKeys } from '../../api/recruitment';
import type { paths } from '../../api/schema';

type ImportResult =
  paths['/api/recruitment/import']['post']['responses'][200]['content']['application/json'];

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Import from the dossier template: preview first; one bad row and nothing is imported. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [flagReason, setFlagReason] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (apply: boolean, chosen = file) => {
    if (chosen === null) {
      return;
    }
    setBusy(true);
    try {
      const answer = await unwrap(
        api.POST('/api/recruitment/import', {
          body: {
            filename: chosen.name,
            contentBase64: chosen.content,
            apply,
            ...(flagReason.trim() ? { flagReason: flagReason.trim() } : {}),
          },
        }),
      );
      setResult(answer);
      if (answer.applied) {
        message.success(`已导入 ${answer.rows.length} 份档案`);
        await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
        onClose();
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const findings = result?.findings ?? [];
  const canApply = result !== null && result.problems.length === 0 && result.rows.length > 0;

  return (
    <Modal
      open
      width={860}
      title="从 Excel 导入发展党员档案"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            danger={findings.length > 0}
            disabled={!canApply || (findings.length > 0 && flagReason.trim() === '')}
            loading={busy}
            onClick={() => void send(true)}
          >
            {findings.length > 0 ? '导入并标记问题' : '导入'}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          使用 zugong template 生成的档案模板（或本页“导出
          Excel”的文件）。先预览：新建还是修改哪些档案；任何一行有错误则全部不导入。
        </Typography.Text>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void f.arrayBuffer().then((buffer) => {
              const chosen = { name: f.name, content: toBase64(buffer) };
              setFile(chosen);
              setResult(null);
              void send(false, chosen);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {file === null ? '选择 .xlsx 文件' : file.name}
          </Button>
        </Upload>
        {result !== null && result.problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={`有 ${result.problems.length} 处错误，不会导入任何档案`}
            description={
              <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 200, overflow: 'auto' }}>
                {result.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {findings.length > 0 ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={`规则检查发现 ${findings.length} 个错误级问题；确需导入须说明原因，问题标记会一直显示`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 160, overflow: 'auto' }}>
                  {findings.map((f, i) => (
                    <li key={i}>
                      第{f.row}行 {f.code} {f.rule}：{f.message}（{f.citation}）
                    </li>
                  ))}
                </ul>
              }
            />
            <Input.TextArea
              rows={2}
              placeholder="标记问题原因"
              value={flagReason}
              onChange={(e) => setFlagReason(e.target.value)}
            />
          </>
        ) : null}
        {result !== null && result.rows.length > 0 ? (
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 8 }}
            dataSource={result.rows}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              {
                title: '操作',
                dataIndex: 'action',
                width: 80,
                render: (a: string) =>
                  a === 'create' ? <Tag color="green">新建</Tag> : <Tag color="blue">修改</Tag>,
              },
              { title: '档案编号', dataIndex: 'code' },
              { title: '姓名', dataIndex: 'name' },
              { title: '党支部', dataIndex: 'branch' },
              { title: '步骤数', dataIndex: 'steps', width: 80 },
              { title: '错误', dataIndex: 'errors', width: 70 },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
