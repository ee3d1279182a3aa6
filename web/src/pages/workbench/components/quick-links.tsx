import {
  BookOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Card, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { t, type MessageKey } from '../../../locales';

export interface QuickLink {
  to: string;
  icon: ReactNode;
  title: MessageKey;
  description: MessageKey;
}

const COMING_SOON: { to: string; icon: ReactNode; title: MessageKey }[] = [
  { to: '/recruitment', icon: <UserAddOutlined />, title: 'menu.recruitment' },
  { to: '/members', icon: <TeamOutlined />, title: 'menu.members' },
  { to: '/meetings', icon: <CalendarOutlined />, title: 'menu.meetings' },
  { to: '/training', icon: <BookOutlined />, title: 'menu.training' },
  { to: '/elections', icon: <FileProtectOutlined />, title: 'menu.elections' },
  { to: '/ask', icon: <QuestionCircleOutlined />, title: 'menu.askAnything' },
];

export function QuickLinks({ links }: { links: QuickLink[] }) {
  const navigate = useNavigate();
  return (
    <Card title={t('workbench.quickLinks')}>
      <List
        itemLayout="horizontal"
        dataSource={links}
        split={false}
        renderItem={(link) => (
          <List.Item
            style={{ cursor: 'pointer', padding: '8px 0' }}
            onClick={() => void navigate(link.to)}
          >
            <List.Item.Meta
              avatar={<span style={{ fontSize: 20, color: '#c0392b' }}>{link.icon}</span>}
              title={<Typography.Link>{t(link.title)}</Typography.Link>}
              description={t(link.description)}
            />
          </List.Item>
        )}
      />
      <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('workbench.link.comingSoon')}
        </Typography.Text>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {COMING_SOON.map((item) => (
            <Tag
              key={item.to}
              icon={item.icon}
              style={{ cursor: 'pointer', padding: '2px 10px' }}
              onClick={() => void navigate(item.to)}
            >
              {t(item.title)}
            </Tag>
          ))}
        </div>
      </div>
    </Card>
  );
}
