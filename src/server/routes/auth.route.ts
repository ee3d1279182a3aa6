import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import { changeOwnPassword, login, logout } from '../../services/account.service';
import type { ServiceContext } from '../../services/context';
import { AppError } from '../../services/errors';
import { SESSION_COOKIE, sessionOf } from '../access';
import { meSchema, okSchema } from '../schemas';

/** A small in-memory limiter per client address, on top of the per-account lockout. */
function createLoginLimiter(maxPerWindow: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return (key: string, now: number): boolean => {
    const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    recent.push(now);
    hits.set(key, recent);
    if (hits.size > 10_000) {
      hits.clear();
    }
    return recent.length <= maxPerWindow;
  };
}

export function authRoutes(
  ctx: ServiceContext,
  options: { secureCookie: boolean },
): FastifyPluginAsyncZod {
  const allowLogin = createLoginLimiter(30, 5 * 60_000);
  const sessionResponse = z.object({ account: meSchema, csrfToken: z.string() });
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          summary: '登录',
          body: z.object({
            username: z.string().min(1).max(64),
            password: z.string().min(1).max(128),
          }),
          response: { 200: sessionResponse },
        },
      },
      async (request, reply) => {
        if (!allowLogin(request.ip, ctx.now().getTime())) {
          throw new AppError('ERR_RATE_LIMITED');
        }
        const session = await login(ctx, request.body.username, request.body.password);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookie,
          path: '/',
          expires: new Date(session.expiresAt),
        });
        return { account: session.account, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none', duringPasswordChange: true } },
        schema: { summary: '退出登录', response: { 200: okSchema } },
      },
      async (request, reply) => {
        await logout(ctx, sessionOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none', duringPasswordChange: true } },
        schema: { summary: '当前账号', response: { 200: sessionResponse } },
      },
      async (request) => {
        const session = sessionOf(request);
        return { account: session.account, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none', duringPasswordChange: true } },
        schema: {
          summary: '修改本人密码',
          body: z.object({
            currentPassword: z.string().min(1).max(128),
            newPassword: z.string().min(1).max(128),
          }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await changeOwnPassword(
          ctx,
          sessionOf(request),
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    );
  };
}
