/** Helpers shared by the 组织生活 and 学习培训 services. */
import { ADMIN_ROLES, type Role } from '../../domain/access';
import type { IsoDate } from '../../domain/calendar/date';
import type { Actor, ServiceContext } from '../context';
import { AppError } from '../errors';

/** Roles that record meetings: the township and county, and the village secretary for his own. */
export const MEETING_WRITE_ROLES: readonly Role[] = [...ADMIN_ROLES, 'branchSecretary'];

/** Roles that run training classes. */
export const TRAINING_WRITE_ROLES: readonly Role[] = ADMIN_ROLES;

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.role !== 'system' && !roles.includes(actor.role)) {
    throw new AppError('ERR_FORBIDDEN_ROLE');
  }
}

/** Today's date in China (UTC+8, no daylight saving). */
export function chinaToday(ctx: ServiceContext): IsoDate {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Hours (up to one decimal) to whole minutes. */
export function toMinutes(hours: number): number {
  return Math.round(hours * 60);
}

export function toHours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** Membership statuses counted as 党员 for meetings and study hours. */
export const MEMBER_STATUSES = ['full', 'probationary'] as const;
