/**
 * Shared pieces of the per-route scope test: each route module lists, in
 * `routes/<module>.scope-cases.ts`, one attempt per scoped route made by the demo village
 * secretary (`shuji`, scope 河口村党委) against data outside his subtree. The test in
 * build-server.test.ts collects every such file and fails when a scoped route has no case.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestWorld } from '../services/testing';

export interface ScopeSession {
  cookie: string;
  csrf: string;
}

export interface ScopeEnv {
  app: FastifyInstance;
  world: TestWorld;
  /** The village secretary's session. */
  session: ScopeSession;
  call(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface ScopeCase {
  attempt(): Promise<LightMyRequestResponse>;
  /** 'forbidden': a 403 with ERR_FORBIDDEN_ROLE or ERR_FORBIDDEN_SCOPE; otherwise a custom check. */
  expect: 'forbidden' | ((res: LightMyRequestResponse) => void | Promise<void>);
}

/** Keyed by `METHOD /url/:pattern` exactly as Fastify's route table spells it. */
export type ScopeCases = Record<string, ScopeCase>;

export type ScopeCaseFactory = (env: ScopeEnv) => Promise<ScopeCases>;
