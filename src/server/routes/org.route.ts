import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ALL_ROLES } from '../../domain/access';
import {
  ALLOWED_CHILDREN,
  ORG_KIND_LABELS,
  ORG_KINDS,
  ORG_NAME_MAX_LENGTH,
} from '../../domain/org';
import type { ServiceContext } from '../../services/context';
import {
  createOrg,
  dissolveOrg,
  listOrgs,
  moveOrg,
  renameOrg,
  type OrgView,
} from '../../services/org.service';
import type { OrgRow } from '../../db/schema';
import { actorOf } from '../access';
import { idParams, okSchema, orgKindSchema, orgSchema } from '../schemas';

const nameSchema = z
  .string()
  .trim()
  .min(1, '组织名称不能为空')
  .max(ORG_NAME_MAX_LENGTH, `组织名称不能超过 ${ORG_NAME_MAX_LENGTH} 个字`);

export function orgRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  const write = { roles: ADMIN_ROLES, scope: 'caller' } as const;

  /** The view of one org after a change, with its counts. */
  async function view(request: Parameters<typeof actorOf>[0], org: OrgRow): Promise<OrgView> {
    const all = await listOrgs(ctx, actorOf(request));
    const found = all.find((o) => o.id === org.id);
    if (found === undefined) {
      throw new Error(`org ${org.id} vanished`);
    }
    return found;
  }

  return async (app) => {
    app.get(
      '/api/orgs',
      {
        config: { access: read },
        schema: {
          summary: '管辖范围内的组织（按路径排序）',
          response: { 200: z.object({ items: z.array(orgSchema) }) },
        },
      },
      async (request) => ({ items: await listOrgs(ctx, actorOf(request)) }),
    );

    app.get(
      '/api/orgs/kinds',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '组织类型及可设的下级类型',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  kind: orgKindSchema,
                  label: z.string(),
                  allowedChildren: z.array(orgKindSchema),
                }),
              ),
            }),
          },
        },
      },
      async () => ({
        items: ORG_KINDS.map((kind) => ({
          kind,
          label: ORG_KIND_LABELS[kind],
          allowedChildren: [...ALLOWED_CHILDREN[kind]],
        })),
      }),
    );

    app.post(
      '/api/orgs',
      {
        config: { access: write },
        schema: {
          summary: '新建下级组织',
          body: z.object({
            parentId: z.number().int().positive(),
            name: nameSchema,
            kind: orgKindSchema,
          }),
          response: { 201: orgSchema },
        },
      },
      async (request, reply) => {
        const org = await createOrg(ctx, actorOf(request), request.body);
        reply.status(201);
        return view(request, org);
      },
    );

    app.patch(
      '/api/orgs/:id',
      {
        config: { access: write },
        schema: {
          summary: '重命名组织',
          params: idParams,
          body: z.object({ name: nameSchema }),
          response: { 200: orgSchema },
        },
      },
      async (request) =>
        view(request, await renameOrg(ctx, actorOf(request), request.params.id, request.body.name)),
    );

    app.post(
      '/api/orgs/:id/move',
      {
        config: { access: write },
        schema: {
          summary: '移动组织到新的上级组织',
          params: idParams,
          body: z.object({ parentId: z.number().int().positive() }),
          response: { 200: orgSchema },
        },
      },
      async (request) =>
        view(
          request,
          await moveOrg(ctx, actorOf(request), request.params.id, request.body.parentId),
        ),
    );

    app.delete(
      '/api/orgs/:id',
      {
        config: { access: write },
        schema: { summary: '撤销组织（须为空）', params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await dissolveOrg(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
