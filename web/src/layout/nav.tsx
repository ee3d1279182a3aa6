import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  HomeOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { canOpen, type PAGE_ROLES, type Role } from '../api/types';
import { t, type MessageKey } from '../locales';

export interface NavItem {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to these roles; absent means everyone. */
  page?: keyof typeof PAGE_ROLES;
  children?: NavItem[];
}

export const NAV_ITEMS: NavItem[] = [
  { key: '/', label: 'menu.workbench', icon: <HomeOutlined /> },
  { key: '/recruitment', label: 'menu.recruitment', icon: <UserAddOutlined /> },
  { key: '/members', label: 'menu.members', icon: <TeamOutlined /> },
  { key: '/meetings', label: 'menu.meetings', icon: <CalendarOutlined /> },
  { key: '/training', label: 'menu.training', icon: <BookOutlined /> },
  { key: '/elections', label: 'menu.elections', icon: <FileProtectOutlined /> },
  { key: '/ask', label: 'menu.askAnything', icon: <QuestionCircleOutlined /> },
  {
    key: 'system',
    label: 'menu.system',
    icon: <SettingOutlined />,
    children: [
      { key: '/admin/orgs', label: 'menu.system.orgs', icon: <ClusterOutlined /> },
      {
        key: '/admin/accounts',
        label: 'menu.system.accounts',
        icon: <UserOutlined />,
        page: 'accounts',
      },
      { key: '/admin/audit', label: 'menu.system.audit', icon: <AuditOutlined />, page: 'audit' },
    ],
  },
];

type MenuItem = NonNullable<MenuProps['items']>[number];

export function toMenuItems(items: readonly NavItem[], role: Role): MenuItem[] {
  return items
    .filter((item) => !item.page || canOpen(item.page, role))
    .map((item) =>
      item.children
        ? {
            key: item.key,
            label: t(item.label),
            icon: item.icon,
            children: toMenuItems(item.children, role),
          }
        : { key: item.key, label: t(item.label), icon: item.icon },
    );
}

/** Pages reached from a module but living under their own path, highlighted as that module. */
const PATH_ALIASES: Readonly<Record<string, string>> = { '/villages': '/members' };

/** The menu key to highlight for a pathname: the longest nav path that prefixes it. */
export function selectedKeyFor(rawPathname: string): string {
  const alias = Object.keys(PATH_ALIASES).find(
    (prefix) => rawPathname === prefix || rawPathname.startsWith(`${prefix}/`),
  );
  const pathname = alias === undefined ? rawPathname : (PATH_ALIASES[alias] ?? rawPathname);
  const keys = NAV_ITEMS.flatMap((item) => [item.key, ...(item.children ?? []).map((c) => c.key)]);
  const matches = keys.filter(
    (key) => key.startsWith('/') && (pathname === key || pathname.startsWith(`${key}/`)),
  );
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/';
}
