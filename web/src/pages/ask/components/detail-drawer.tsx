import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  List,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuestionDetail, useRuleDetail, type RuleDetail } from '../../../api/handbook';
import { errorMessage } from '../../../api/client';
import { t } from '../../../locales';
import { CitationList } from './citation-list';

export type Opened = { kind: 'rule' | 'question'; id: string } | null;

const LEVEL_COLORS = { error: 'red', warning: 'orange', info: 'default' } as const;
const OUTCOME_COLORS = { flagged: 'red', clean: 'green', computed: 'blue' } as const;

function RuleBody({ rule, onOpen }: { rule: RuleDetail; onOpen: (o: Opened) => void }) {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Tag>{rule.id}</Tag>
        <Tag color="geekblue">{rule.moduleLabel}</Tag>
        {rule.levels.map((l) => (
          <Tag key={l} color={LEVEL_COLORS[l]}>
            {t(`handbook.level.${l}`)}
          </Tag>
        ))}
        {rule.isProvisional ? <Tag color="red">{t('handbook.detail.provisional')}</Tag> : null}
      </Space>
      <div>
        <Typography.Title level={5}>{t('handbook.detail.citations')}</Typography.Title>
        <CitationList citations={rule.citations} />
      </div>
      <div>
        <Typography.Title level={5}>{t('handbook.detail.explanation')}</Typography.Title>
        <Typography.Paragraph>{rule.explanation}</Typography.Paragraph>
      </div>
      {rule.settings.length > 0 ? (
        <div>
          <Typography.Title level={5}>{t('handbook.detail.settings')}</Typography.Title>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={rule.settings.map((s) => ({
              key: s.key,
              label: s.label,
              children: (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>
                    {t('handbook.detail.settingDefault', { value: s.defaultValue })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{s.source}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </div>
      ) : null}
      <div>
        <Typography.Title level={5}>{t('handbook.detail.examples')}</Typography.Title>
        {rule.examples.length === 0 ? (
          <Typography.Text type="secondary">{t('handbook.detail.noExamples')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={rule.examples}
            renderItem={(e) => (
              <List.Item>
                <Space align="start">
                  <Tag color={OUTCOME_COLORS[e.outcome]}>{t(`handbook.outcome.${e.outcome}`)}</Tag>
                  <span>
                    {e.name}
                    <Typography.Text type="secondary">（{e.detail}）</Typography.Text>
                  </span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </div>
      {rule.questions.length > 0 ? (
        <div>
          <Typography.Title level={5}>{t('handbook.detail.questions')}</Typography.Title>
          <Space direction="vertical" size={2}>
            {rule.questions.map((q) => (
              <Button
                key={q.id}
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onOpen({ kind: 'question', id: q.id })}
              >
                {q.question}
              </Button>
            ))}
          </Space>
        </div>
      ) : null}
    </Space>
  );
}

/** One rule or one answer, side by side with the list it was opened from. */
export function DetailDrawer({ opened, onOpen }: { opened: Opened; onOpen: (o: Opened) => void }) {
  const rule = useRuleDetail(opened?.kind === 'rule' ? opened.id : null);
  const question = useQuestionDetail(opened?.kind === 'question' ? opened.id : null);
  const current = opened?.kind === 'rule' ? rule : question;
  const title =
    opened?.kind === 'rule'
      ? (rule.data?.title ?? opened.id)
      : opened?.kind === 'question'
        ? (question.data?.question ?? opened.id)
        : '';

  return (
    <Drawer
      open={opened !== null}
      onClose={() => onOpen(null)}
      width={640}
      title={title}
      destroyOnHidden
    >
      {current.isLoading ? <Skeleton active /> : null}
      {current.isError ? (
        <Alert type="error" showIcon message={errorMessage(current.error)} />
      ) : null}
      {opened?.kind === 'rule' && rule.data ? <RuleBody rule={rule.data} onOpen={onOpen} /> : null}
      {opened?.kind === 'question' && question.data ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Tag color="geekblue">{question.data.topicLabel}</Tag>
          <div>
            <Typography.Title level={5}>{t('handbook.detail.answer')}</Typography.Title>
            <Typography.Paragraph className="zg-answer">
              {question.data.answer}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{t('handbook.detail.citations')}</Typography.Title>
            <CitationList citations={question.data.citations} />
          </div>
          <div>
            <Typography.Title level={5}>{t('handbook.detail.rules')}</Typography.Title>
            {question.data.rules.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={null} />
            ) : (
              <Space direction="vertical" size={2}>
                {question.data.rules.map((r) => (
                  <Button
                    key={r.id}
                    type="link"
                    className="zg-rule-link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => onOpen({ kind: 'rule', id: r.id })}
                  >
                    {r.id} {r.title}
                  </Button>
                ))}
              </Space>
            )}
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
