import { Space, Typography } from 'antd';
import type { Citation } from '../../../api/handbook';

/**
 * Citations as users read them. The formatted text already says 条号待核实 / 未核实 / 地方口径;
 * unverified ones are also shown in the warning colour so they are never read as certain.
 */
export function CitationList({ citations }: { citations: readonly Citation[] }) {
  return (
    <Space direction="vertical" size={4}>
      {citations.map((c, i) => (
        <Space key={i} size={6} wrap>
          <Typography.Text
            className="zg-citation"
            type={c.status === 'verified' ? undefined : 'warning'}
          >
            {c.text}
          </Typography.Text>
          <Typography.Text type="secondary">{c.version}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
