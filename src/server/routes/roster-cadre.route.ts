/** 村两委 posts and 后备干部: appoint, end a post, add and remove 后备干部. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../domain/access';
import type { ServiceContext } from '../../services/context';
import {
  addReserveCadre,
  appointCadre,
  endCadrePost,
  removeReserveCadre,
} from '../../services/roster/cadre.service';
import { AppError } from '../../services/errors';
import { actorOf } from '../access';
import { idParams, okSchema } from '../schemas';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const created = z.object({ id: z.number().int() });

export function rosterCadreRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const write = { roles: ADMIN_ROLES, scope: 'caller' } as const;
  return async (app) => {
    app.post(
      '/api/roster/posts',
      {
        config: { access: write },
        schema: {
          summary:
            '任命两委职务（村党组织、村委会、村务监督委员会），带任期；村委会、村务监督委员会可同时登记一位非党员（群众）',
          body: z.object({
            orgId: z.number().int().positive(),
            /** Someone on record; or `newPerson`, one of the two. */
            personId: z.number().int().positive().optional(),
            newPerson: z
              .object({
                name: z.string().max(40),
                idNumber: z.string().max(30),
                education: z.string().max(20).nullable(),
                phone: z.string().max(30).nullable(),
              })
              .optional(),
            body: z.enum(['partyOrg', 'villagersCommittee', 'supervisoryCommittee']),
            title: z.enum(['secretary', 'deputySecretary', 'director', 'deputyDirector', 'member']),
            termStart: dateSchema,
            termEnd: dateSchema.nullable(),
          }),
          response: { 201: created },
        },
      },
      async (request, reply) => {
        const { personId, newPerson, ...post } = request.body;
        if ((personId === undefined) === (newPerson === undefined)) {
          throw new AppError(
            'ERR_VALIDATION',
            '请选择人员，或登记一位非党员（群众），二者选一',
            'personId',
          );
        }
        const row = await appointCadre(
          ctx,
          actorOf(request),
          newPerson === undefined ? { ...post, personId: personId! } : { ...post, newPerson },
        );
        reply.status(201);
        return row;
      },
    );

    app.post(
      '/api/roster/posts/:id/end',
      {
        config: { access: write },
        schema: {
          summary: '两委职务离任（保留任职记录）',
          params: idParams,
          body: z.object({ endedOn: dateSchema, reason: z.string().max(100) }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await endCadrePost(ctx, actorOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/roster/reserves',
      {
        config: { access: write },
        schema: {
          summary: '列为后备干部，写明成熟度和培养方向',
          body: z.object({
            orgId: z.number().int().positive(),
            personId: z.number().int().positive(),
            readiness: z.enum(['ready', 'developing']),
            targetPost: z.string().max(50).nullable(),
            notes: z.string().max(500).nullable(),
          }),
          response: { 201: created },
        },
      },
      async (request, reply) => {
        const row = await addReserveCadre(ctx, actorOf(request), request.body);
        reply.status(201);
        return row;
      },
    );

    app.delete(
      '/api/roster/reserves/:id',
      {
        config: { access: write },
        schema: { summary: '移出后备干部', params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await removeReserveCadre(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
