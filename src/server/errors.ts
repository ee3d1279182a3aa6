/**
 * Turns every error into `{ code, message, field? }` with a 4xx/5xx status: stable codes,
 * Chinese messages, never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../services/errors';

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

const PART_LABELS: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.field !== undefined) {
        body.field = error.field;
      }
      if (error.status >= 500) {
        request.log.error({ err: error }, error.message);
      }
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
      const where = PART_LABELS[error.validationContext ?? 'body'] ?? '请求';
      const message = `${where}${field === '' ? '' : `字段 ${field} `}不符合要求：${first?.message ?? ''}`;
      return reply
        .status(400)
        .send({ code: 'ERR_VALIDATION', message, ...(field === '' ? {} : { field }) });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ code: 'ERR_RATE_LIMITED', message: '尝试过于频繁，请稍后再试' });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, wrong content type, body too large).
      return reply
        .status(status)
        .send({ code: 'ERR_VALIDATION', message: `请求格式不正确（${error.code ?? status}）` });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'ERR_INTERNAL', message: '服务器内部错误，请联系管理员' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      code: 'ERR_NOT_FOUND',
      message: `没有这个接口：${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
  });
}
