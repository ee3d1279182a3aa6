import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { ImportTab } from './components/import-tab';
import { RosterTab } from './components/roster-tab';
import { StatisticsTab } from './components/statistics-tab';
import { VillagesTab } from './components/villages-tab';

/** 党员队伍: the roster, the villages' 两委 at a glance, and the structure statistics. */
export function MembersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'roster';
  const admin = me.role === 'countyAdmin' || me.role === 'townshipOrganizer';
  return (
    <div>
      <PageHeader
        title="党员队伍"
        description="知根知底：党员名册、村两委与村情档案、队伍结构。身份证号默认脱敏，查看完整号码记入审计。"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'roster' ? {} : { tab: key })}
        items={[
          {
            key: 'roster',
            label: '党员名册',
            children: (
              <RosterTab canReveal={admin} canRecord={admin || me.role === 'branchSecretary'} />
            ),
          },
          { key: 'villages', label: '村（社区）两委', children: <VillagesTab /> },
          { key: 'statistics', label: '队伍结构', children: <StatisticsTab /> },
          {
            key: 'import',
            label: '导入导出',
            children: <ImportTab canImport={admin} canReveal={admin} />,
          },
        ]}
      />
    </div>
  );
}
