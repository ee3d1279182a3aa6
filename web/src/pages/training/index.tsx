import { Select, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { mt } from '../../locales/zh-CN/meetings';
import '../meetings/meetings.css';
import { thisYear, yearOptions } from '../meetings/shared';
import { ClassesTab } from './classes-tab';
import { HoursTab } from './hours-tab';

const TABS = ['classes', 'hours'] as const;
type Tab = (typeof TABS)[number];

export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'classes';
  const [year, setYear] = useState(thisYear());
  return (
    <div>
      <PageHeader
        title={mt('training.title')}
        description={mt('training.description')}
        extra={
          <Select
            aria-label="年度"
            value={year}
            options={yearOptions()}
            onChange={setYear}
            style={{ width: 110 }}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'classes' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'classes',
            label: mt('training.tab.classes'),
            children: <ClassesTab year={year} />,
          },
          { key: 'hours', label: mt('training.tab.hours'), children: <HoursTab year={year} /> },
        ]}
      />
    </div>
  );
}
