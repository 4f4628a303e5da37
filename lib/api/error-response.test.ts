import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from './error-response';

// What the API answers for what was thrown: a lost or refused database connection is a 503 the
// client may retry (with its Idempotency-Key); a query the database refused is still a 500.

/** An error as node-postgres reports the server's ErrorResponse (a SQLSTATE in `code`). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
/** The same, as drizzle wraps it, quoting the statement and its parameters. */
const failedQuery = (cause: Error) =>
  new DrizzleQueryError('insert into requests (purpose) values ($1)', ['비밀 목적'], cause);
const refused = (address: string) =>
  Object.assign(new Error(`connect ECONNREFUSED ${address}:5432`), { code: 'ECONNREFUSED' });

const unavailable = { status: 503, code: 'unavailable', retryAfter: '5' };
const internal = { status: 500, code: 'internal', retryAfter: null };

beforeAll(() => {
  // both paths log; the test reads the answers
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

describe('errorResponse', () => {
  test.each([
    {
      label: 'a statement cut by a fast shutdown (57P01), wrapped by drizzle',
      input: failedQuery(pgError('57P01', 'terminating connection due to administrator command')),
      expected: unavailable,
    },
    {
      label: 'a connection while the server shuts down or starts (57P03)',
      input: pgError('57P03', 'the database system is starting up'),
      expected: unavailable,
    },
    {
      label: 'no connection slot left (53300)',
      input: pgError('53300', 'sorry, too many clients already'),
      expected: unavailable,
    },
    {
      label: 'a connection exception (08006)',
      input: pgError('08006', 'connection failure'),
      expected: unavailable,
    },
    { label: 'nobody listening on the port', input: refused('127.0.0.1'), expected: unavailable },
    {
      label: 'nobody listening on any address of the host',
      input: new AggregateError([refused('::1'), refused('127.0.0.1')]),
      expected: unavailable,
    },
    {
      label: 'the socket closed under a statement',
      input: failedQuery(new Error('Connection terminated unexpectedly')),
      expected: unavailable,
    },
    {
      label: 'a client whose connection already failed',
      input: new Error('Client has encountered a connection error and is not queryable'),
      expected: unavailable,
    },
    {
      label: 'a unique violation nobody caught (23505)',
      input: failedQuery(pgError('23505', 'duplicate key value violates unique constraint')),
      expected: internal,
    },
    {
      label: 'a syntax error (42601)',
      input: failedQuery(pgError('42601', 'syntax error')),
      expected: internal,
    },
    {
      label: 'a bug',
      input: new TypeError("Cannot read properties of undefined (reading 'id')"),
      expected: internal,
    },
    {
      label: 'a conflict of the domain',
      input: new AppError('conflict', { messageKey: 'nothingAwaitsYou' }),
      expected: { status: 409, code: 'conflict', retryAfter: null },
    },
  ])('$label → $expected.status', async ({ input, expected }) => {
    const res = errorResponse(input, 'ko');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect({ status: res.status, code: body.error.code, retryAfter: res.headers.get('retry-after') }).toEqual(
      expected,
    );
    // never the driver's words, the statement or its parameters
    expect(JSON.stringify(body)).not.toMatch(/insert|비밀|ECONNREFUSED|terminat|57P01|5432/);
  });

  test('tells the user in their language to try again shortly', async () => {
    const cut = failedQuery(pgError('57P01', 'terminating connection due to administrator command'));
    expect(await errorResponse(cut, 'ko').json()).toEqual({
      error: {
        code: 'unavailable',
        message: '일시적으로 요청을 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
      },
    });
    expect(await errorResponse(cut, 'en').json()).toEqual({
      error: {
        code: 'unavailable',
        message: 'The service is briefly unavailable. Please try again in a moment.',
      },
    });
  });
});
