/**
 * Every route declares who may call it (`config.access`); one hook enforces it on the server
 * before any handler runs. A route without a declaration is refused (fail closed), and a test
 * walks the route table to prove each has one. Organization scope is checked by the services,
 * which know which org an entity belongs to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../domain/access';
import { authenticate, type AuthenticatedSession } from '../services/account.service';
import type { Actor, ServiceContext } from '../services/context';
import { AppError } from '../services/errors';

export type Access =
  | { public: true }
  | {
      roles: readonly Role[];
      /** Scope rule, for the route table: which org subtree the services check the target against. */
      scope: 'caller' | 'none';
      /** Reachable while a forced password change is pending (me, password, logout). */
      duringPasswordChange?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

export const SESSION_COOKIE = 'zg_session';
export const CSRF_HEADER = 'x-csrf-token';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteAccessRecord {
  method: string;
  url: string;
  access: Access | undefined;
}

export function registerAccessControl(
  app: FastifyInstance,
  ctx: ServiceContext,
  routeTable: RouteAccessRecord[],
): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') {
        routeTable.push({ method, url: route.url, access: route.config?.access });
      }
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.is404) {
      return;
    }
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      throw new AppError(
        'ERR_INTERNAL',
        `路由未声明访问权限：${request.method} ${request.routeOptions.url ?? request.url}`,
      );
    }
    if ('public' in access) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const auth = token === undefined ? null : await authenticate(ctx, token);
    if (auth === null) {
      throw new AppError('ERR_AUTH_REQUIRED');
    }
    request.auth = auth;
    if (MUTATING.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new AppError('ERR_CSRF');
    }
    if (auth.account.mustChangePassword && access.duringPasswordChange !== true) {
      throw new AppError('ERR_AUTH_PASSWORD_CHANGE_REQUIRED');
    }
    if (!access.roles.includes(auth.account.role)) {
      throw new AppError('ERR_FORBIDDEN_ROLE');
    }
  });
}

/** The authenticated actor of a request that passed the access hook. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.auth === null) {
    throw new AppError('ERR_AUTH_REQUIRED');
  }
  return request.auth.actor;
}

export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (request.auth === null) {
    throw new AppError('ERR_AUTH_REQUIRED');
  }
  return request.auth;
}
