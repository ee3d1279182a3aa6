import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { et } from '../../locales/zh-CN/elections';
import { CandidatesTab } from './candidates-tab';
import { NegativeListTab } from './negative-list-tab';
import { PlanTab } from './plan-tab';
import { RegisterTab } from './register-tab';
import { TallyTab } from './tally-tab';
import './elections.css';

const TABS = ['register', 'plan', 'candidates', 'tally', 'negative'] as const;
type Tab = (typeof TABS)[number];

export function ElectionsPage() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'register';
  return (
    <div>
      <PageHeader title={et('elections.title')} description={et('elections.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'register' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: 'register', label: et('elections.tab.register'), children: <RegisterTab /> },
          { key: 'plan', label: et('elections.tab.plan'), children: <PlanTab /> },
          {
            key: 'candidates',
            label: et('elections.tab.candidates'),
            children: <CandidatesTab />,
          },
          { key: 'tally', label: et('elections.tab.tally'), children: <TallyTab /> },
          {
            key: 'negative',
            label: et('elections.tab.negative'),
            children: <NegativeListTab />,
          },
        ]}
      />
    </div>
  );
}
