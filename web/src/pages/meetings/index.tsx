import { Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { mt } from '../../locales/zh-CN/meetings';
import { ComplianceTab } from './compliance-tab';
import { RecordsTab } from './records-tab';
import { ReviewTab } from './review-tab';
import { thisYear } from './shared';
import './meetings.css';

const TABS = ['compliance', 'records', 'review'] as const;
type Tab = (typeof TABS)[number];

export function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'compliance';
  const [year, setYear] = useState(thisYear());
  return (
    <div>
      <PageHeader title={mt('meetings.title')} description={mt('meetings.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'compliance' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'compliance',
            label: mt('meetings.tab.compliance'),
            children: <ComplianceTab year={year} onYear={setYear} />,
          },
          {
            key: 'records',
            label: mt('meetings.tab.records'),
            children: <RecordsTab year={year} onYear={setYear} />,
          },
          { key: 'review', label: mt('meetings.tab.review'), children: <ReviewTab year={year} /> },
        ]}
      />
    </div>
  );
}
