import { LoginOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { rosterKeys } from '../../api/roster';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { ChecksTab } from './components/checks-tab';
import { ImportTab } from './components/import-tab';
import { RosterTab } from './components/roster-tab';
import { StatisticsTab } from './components/statistics-tab';
import { TransferInModal } from './components/transfer-in-modal';
import { VillagesTab } from './components/villages-tab';

/** 党员队伍: the roster, the villages' 两委 at a glance, and the structure statistics. */
export function MembersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'roster';
  const admin = me.role === 'countyAdmin' || me.role === 'townshipOrganizer';
  const [transferring, setTransferring] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (
    <div>
      <PageHeader
        title="党员队伍"
        description="知根知底：党员名册、村两委与村情档案、队伍结构。身份证号默认脱敏，查看完整号码记入审计。"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'roster' ? {} : { tab: key })}
        tabBarExtraContent={
          admin && tab === 'roster' ? (
            <Button icon={<LoginOutlined />} onClick={() => setTransferring(true)}>
              组织关系转入
            </Button>
          ) : null
        }
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
          { key: 'checks', label: '组织设置检查', children: <ChecksTab /> },
          {
            key: 'import',
            label: '导入导出',
            children: <ImportTab canImport={admin} canReveal={admin} />,
          },
        ]}
      />
      <TransferInModal
        open={transferring}
        onClose={() => setTransferring(false)}
        onDone={(name) => {
          setTransferring(false);
          void message.success(`已登记${name}的组织关系转入`);
          void queryClient.invalidateQueries({ queryKey: rosterKeys.all });
        }}
      />
    </div>
  );
}
