import { account } from './zh-CN/account';
import { audit } from './zh-CN/audit';
import { auth } from './zh-CN/auth';
import { common } from './zh-CN/common';
import { handbook } from './zh-CN/handbook';
import { menu } from './zh-CN/menu';
import { org } from './zh-CN/org';
import { workbench } from './zh-CN/workbench';

const messages = {
  ...common,
  ...menu,
  ...auth,
  ...org,
  ...account,
  ...audit,
  ...workbench,
  ...handbook,
};

export type MessageKey = keyof typeof messages;

/** Looks up a zh-CN message and fills `{name}` placeholders. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const template: string = messages[key];
  if (!values) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** For keys built from server enums (org.kind.*, account.role.*): falls back to the given text. */
export function tOr(key: string, fallback: string): string {
  return key in messages ? messages[key as MessageKey] : fallback;
}
