import { Collapse, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Handbook } from '../../../api/handbook';
import { t } from '../../../locales';
import type { Opened } from './detail-drawer';

/** Every rule (and question) grouped by regulation or by topic. */
export function Catalogue({
  handbook,
  onOpen,
}: {
  handbook: Handbook;
  onOpen: (o: Opened) => void;
}) {
  const [by, setBy] = useState<'instrument' | 'topic'>('instrument');
  const rules = new Map(handbook.rules.map((r) => [r.id, r]));
  const questions = new Map(handbook.questions.map((q) => [q.id, q]));

  const ruleList = (ids: readonly string[]) => (
    <List
      size="small"
      dataSource={ids.map((id) => rules.get(id)).filter((r) => r !== undefined)}
      renderItem={(r) => (
        <List.Item className="zg-clickable" onClick={() => onOpen({ kind: 'rule', id: r.id })}>
          <Space>
            <Tag>{r.id}</Tag>
            <span>{r.title}</span>
            {r.isProvisional ? <Tag color="red">{t('handbook.detail.provisional')}</Tag> : null}
          </Space>
        </List.Item>
      )}
    />
  );

  const groups =
    by === 'instrument'
      ? handbook.instruments.map((g) => ({
          key: g.label,
          label: (
            <Space>
              <span>{g.label}</span>
              <Typography.Text type="secondary">
                {t('handbook.catalogue.rules', { count: g.ruleIds.length })}
              </Typography.Text>
            </Space>
          ),
          children: ruleList(g.ruleIds),
        }))
      : handbook.topics.map((g) => ({
          key: g.module,
          label: (
            <Space>
              <span>{g.label}</span>
              <Typography.Text type="secondary">
                {t('handbook.catalogue.rules', { count: g.ruleIds.length })}，
                {t('handbook.catalogue.questions', { count: g.questionIds.length })}
              </Typography.Text>
            </Space>
          ),
          children: (
            <>
              {ruleList(g.ruleIds)}
              <List
                size="small"
                dataSource={g.questionIds
                  .map((id) => questions.get(id))
                  .filter((q) => q !== undefined)}
                renderItem={(q) => (
                  <List.Item
                    className="zg-clickable"
                    onClick={() => onOpen({ kind: 'question', id: q.id })}
                  >
                    <Space>
                      <Tag color="green">{t('handbook.kind.question')}</Tag>
                      <span>{q.question}</span>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          ),
        }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={by}
        onChange={(v) => setBy(v === 'topic' ? 'topic' : 'instrument')}
        options={[
          { value: 'instrument', label: t('handbook.catalogue.byInstrument') },
          { value: 'topic', label: t('handbook.catalogue.byTopic') },
        ]}
      />
      <Collapse items={groups} defaultActiveKey={groups[0]?.key} />
    </Space>
  );
}
