import {
  BookOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { t, type MessageKey } from '../../../locales';

export interface QuickLink {
  to: string;
  icon: ReactNode;
  title: MessageKey;
  description: MessageKey;
}

/** The business modules, each with one line on what it is for. */
export const MODULE_LINKS: QuickLink[] = [
  {
    to: '/recruitment',
    icon: <UserAddOutlined />,
    title: 'menu.recruitment',
    description: 'workbench.link.recruitment',
  },
  {
    to: '/members',
    icon: <TeamOutlined />,
    title: 'menu.members',
    description: 'workbench.link.members',
  },
  {
    to: '/meetings',
    icon: <CalendarOutlined />,
    title: 'menu.meetings',
    description: 'workbench.link.meetings',
  },
  {
    to: '/training',
    icon: <BookOutlined />,
    title: 'menu.training',
    description: 'workbench.link.training',
  },
  {
    to: '/elections',
    icon: <FileProtectOutlined />,
    title: 'menu.elections',
    description: 'workbench.link.elections',
  },
  {
    to: '/ask',
    icon: <QuestionCircleOutlined />,
    title: 'menu.askAnything',
    description: 'workbench.link.askAnything',
  },
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
    </Card>
  );
}
