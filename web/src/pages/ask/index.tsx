import { Alert, Card, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useHandbook, useHandbookSearch } from '../../api/handbook';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../locales';
import { Calculators } from './components/calculators';
import { Catalogue } from './components/catalogue';
import { DetailDrawer, type Opened } from './components/detail-drawer';
import { Highlight } from './components/highlight';
import './ask.css';

const TABS = ['search', 'catalogue', 'calculators'] as const;
type TabKey = (typeof TABS)[number];

/** 问不倒: search the handbook, browse every rule, use the calculators. State lives in the URL. */
export function AskPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'search';
  const ruleId = params.get('rule');
  const questionId = params.get('question');
  const opened: Opened =
    ruleId !== null
      ? { kind: 'rule', id: ruleId }
      : questionId !== null
        ? { kind: 'question', id: questionId }
        : null;

  const handbook = useHandbook();
  const search = useHandbookSearch(q);

  // Functional update: a drawer closing after its animation must not restore a query typed since.
  const update = (changes: Record<string, string | null>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') {
          next.delete(k);
        } else {
          next.set(k, v);
        }
      }
      return next;
    });
  };
  const open = (o: Opened) =>
    update({
      rule: o?.kind === 'rule' ? o.id : null,
      question: o?.kind === 'question' ? o.id : null,
    });

  if (handbook.isError) {
    return <QueryError error={handbook.error} onRetry={() => void handbook.refetch()} />;
  }

  const common = (handbook.data?.questions ?? []).slice(0, 12);

  const searchTab = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton={t('handbook.search.button')}
        size="large"
        maxLength={60}
        placeholder={t('handbook.search.placeholder')}
        aria-label={t('handbook.search.placeholder')}
        onSearch={(value) => update({ q: value, rule: null, question: null })}
        loading={search.isFetching}
      />
      {q !== '' && search.isError ? (
        <Alert
          type="warning"
          showIcon
          message={errorMessage(search.error)}
          className="zg-search-error"
        />
      ) : null}
      {q !== '' && search.data ? (
        <Card size="small">
          <Space direction="vertical" size={2} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">
              {t('handbook.search.count', { count: search.data.hits.length })}
            </Typography.Text>
            {search.data.variants.length > 0 ? (
              <Typography.Text type="secondary">
                {t('handbook.search.synonyms', { words: search.data.variants.join('、') })}
              </Typography.Text>
            ) : null}
          </Space>
          <List
            className="zg-search-results"
            dataSource={search.data.hits}
            locale={{ emptyText: t('handbook.search.empty', { q }) }}
            renderItem={(hit) => (
              <List.Item
                className="zg-clickable zg-search-hit"
                onClick={() => open({ kind: hit.kind, id: hit.id })}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <Tag color={hit.kind === 'question' ? 'green' : 'blue'}>
                        {hit.kind === 'question'
                          ? t('handbook.kind.question')
                          : `${t('handbook.kind.rule')} ${hit.id}`}
                      </Tag>
                      <span className="zg-hit-title">
                        <Highlight segments={hit.title} />
                      </span>
                    </Space>
                  }
                  description={<Highlight segments={hit.snippet} />}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {q === '' ? (
        <Card size="small" title={t('handbook.search.common')}>
          <List
            loading={handbook.isLoading}
            dataSource={common}
            renderItem={(item) => (
              <List.Item
                className="zg-clickable"
                onClick={() => open({ kind: 'question', id: item.id })}
              >
                <Space>
                  <Tag color="geekblue">{item.topicLabel}</Tag>
                  <span>{item.question}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Space>
  );

  return (
    <div>
      <PageHeader title={t('handbook.page.title')} description={t('handbook.page.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'search' ? null : key })}
        items={[
          { key: 'search', label: t('handbook.tab.search'), children: searchTab },
          {
            key: 'catalogue',
            label: t('handbook.tab.catalogue'),
            children: handbook.data ? <Catalogue handbook={handbook.data} onOpen={open} /> : null,
          },
          {
            key: 'calculators',
            label: t('handbook.tab.calculators'),
            children: <Calculators onOpen={open} today={dayjs().format('YYYY-MM-DD')} />,
          },
        ]}
      />
      <DetailDrawer opened={opened} onOpen={open} />
    </div>
  );
}
