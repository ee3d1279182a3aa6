/**
 * Builds the Fastify app without listening, so tests drive it through `inject()`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../services/context';
import { registerAccessControl, type RouteAccessRecord } from './access';
import { registerErrorHandler } from './errors';
import { accountRoutes } from './routes/account.route';
import { auditRoutes } from './routes/audit.route';
import { handbookRoutes } from './routes/handbook.route';
import { authRoutes } from './routes/auth.route';
import { meetingsRoutes } from './routes/meetings.route';
import { orgRoutes } from './routes/org.route';
import { electionRoutes } from './routes/elections.route';
import { rosterRoutes } from './routes/roster.route';
import { rosterXlsxRoutes } from './routes/roster-xlsx.route';
import { rosterCadreRoutes } from './routes/roster-cadre.route';
import { rosterChecksRoutes } from './routes/roster-checks.route';
import { recruitmentRoutes } from './routes/recruitment.route';
import { trainingRoutes } from './routes/training.route';

z.config(z.locales.zhCN());

export interface BuildServerOptions {
  ctx: ServiceContext;
  /** Directory of the built web app; not served when absent. */
  webRoot?: string | undefined;
  /** Send the session cookie only over HTTPS (behind a TLS proxy). */
  secureCookie?: boolean;
  logger?: boolean;
  /** Where previewed roster uploads wait for their commit (default: the OS temp dir). */
  uploadDir?: string | undefined;
}

export interface BuiltServer {
  app: FastifyInstance;
  /** Every route with its declared access, for the route-table test and docs. */
  routeTable: RouteAccessRecord[];
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // antd injects its CSS-in-JS as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export async function buildServer(options: BuildServerOptions): Promise<BuiltServer> {
  const app = Fastify({
    logger: options.logger === true ? { level: 'info' } : false,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeTable: RouteAccessRecord[] = [];

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: '组工通 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  registerErrorHandler(app);
  registerAccessControl(app, options.ctx, routeTable);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: { summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  await app.register(authRoutes(options.ctx, { secureCookie: options.secureCookie === true }));
  await app.register(orgRoutes(options.ctx));
  await app.register(accountRoutes(options.ctx));
  await app.register(auditRoutes(options.ctx));
  await app.register(handbookRoutes());
  await app.register(electionRoutes(options.ctx));
  await app.register(rosterRoutes(options.ctx));
  await app.register(rosterXlsxRoutes(options.ctx, { uploadDir: options.uploadDir }));
  await app.register(rosterCadreRoutes(options.ctx));
  await app.register(rosterChecksRoutes(options.ctx));
  await app.register(recruitmentRoutes(options.ctx));
  await app.register(meetingsRoutes(options.ctx));
  await app.register(trainingRoutes(options.ctx));
  app.get(
    '/api/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  const webRoot = options.webRoot;
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    // Client-side routes (/orgs, /accounts …) all load the single page.
    app.get(
      '/*',
      { config: { access: { public: true } }, schema: { hide: true } },
      async (request, reply) => {
        if (request.url.startsWith('/api/')) {
          return reply
            .status(404)
            .send({ code: 'ERR_NOT_FOUND', message: `没有这个接口：${request.url}` });
        }
        return reply.sendFile('index.html');
      },
    );
  }
  await app.ready();
  return { app, routeTable };
}
