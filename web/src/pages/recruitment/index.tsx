import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { rt } from '../../locales/zh-CN/recruitment';
import { BackdatingTab } from './backdating-tab';
import { CalendarTab } from './calendar-tab';
import { PipelineTab } from './pipeline-tab';
import { PlanTab } from './plan-tab';
import './recruitment.css';

export { DossierPage } from './dossier-page';

const TABS = ['pipeline', 'calendar', 'backdating', 'plan'] as const;
type Tab = (typeof TABS)[number];

export function RecruitmentPage() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'pipeline';
  return (
    <div>
      <PageHeader title={rt('recruitment.title')} description={rt('recruitment.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'pipeline' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: 'pipeline', label: rt('recruitment.tab.pipeline'), children: <PipelineTab /> },
          { key: 'calendar', label: rt('recruitment.tab.calendar'), children: <CalendarTab /> },
          {
            key: 'backdating',
            label: rt('recruitment.tab.backdating'),
            children: <BackdatingTab />,
          },
          { key: 'plan', label: rt('recruitment.tab.plan'), children: <PlanTab /> },
        ]}
      />
    </div>
  );
}
