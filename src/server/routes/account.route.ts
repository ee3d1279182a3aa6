import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ALL_ROLES, canGrantRole, ROLE_LABELS, ROLES } from '../../domain/access';
import {
  createAccount,
  listAccounts,
  resetPassword,
  updateAccount,
} from '../../services/account.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';
import { accountSchema, idParams, okSchema, roleSchema } from '../schemas';

export function accountRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const write = { roles: ADMIN_ROLES, scope: 'caller' } as const;
  return async (app) => {
    app.get(
      '/api/accounts',
      {
        config: { access: { roles: ADMIN_ROLES, scope: 'caller' } },
        schema: {
          summary: '管辖范围内的账号',
          response: { 200: z.object({ items: z.array(accountSchema) }) },
        },
      },
      async (request) => ({ items: await listAccounts(ctx, actorOf(request)) }),
    );

    app.get(
      '/api/roles',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '角色列表（grantable 表示当前账号可否授予）',
          response: {
            200: z.object({
              items: z.array(
                z.object({ role: roleSchema, label: z.string(), grantable: z.boolean() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return {
          items: ROLES.map((role) => ({
            role,
            label: ROLE_LABELS[role],
            grantable:
              actor.role !== 'system' &&
              ADMIN_ROLES.includes(actor.role) &&
              canGrantRole(actor.role, role),
          })),
        };
      },
    );

    app.post(
      '/api/accounts',
      {
        config: { access: write },
        schema: {
          summary: '新建账号',
          body: z.object({
            username: z.string().min(1).max(64),
            displayName: z.string().min(1).max(30),
            role: roleSchema,
            scopeOrgId: z.number().int().positive(),
            password: z.string().min(1).max(128),
          }),
          response: { 201: accountSchema },
        },
      },
      async (request, reply) => {
        const account = await createAccount(ctx, actorOf(request), request.body);
        reply.status(201);
        return account;
      },
    );

    app.patch(
      '/api/accounts/:id',
      {
        config: { access: write },
        schema: {
          summary: '修改账号（姓名、角色、管辖范围、停用）',
          params: idParams,
          body: z.object({
            displayName: z.string().min(1).max(30).optional(),
            role: roleSchema.optional(),
            scopeOrgId: z.number().int().positive().optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: accountSchema },
        },
      },
      async (request) => updateAccount(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/accounts/:id/reset-password',
      {
        config: { access: write },
        schema: {
          summary: '重置账号密码（下次登录须修改）',
          params: idParams,
          body: z.object({ password: z.string().min(1).max(128) }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
        return { ok: true as const };
      },
    );
  };
}
