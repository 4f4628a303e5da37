import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ZodError } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { errorMessage, toAppError } from './translate-error';

// What a server action (authedAction, the approval link) tells the user for what was thrown: a lost
// database connection is "try again shortly" (`unavailable`), not the generic "일시적인 오류".

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const failedQuery = (cause: Error) =>
  new DrizzleQueryError('update requests set status = $1', ['approved'], cause);

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

describe('toAppError', () => {
  test.each([
    {
      label: 'a statement cut by a fast shutdown, wrapped by drizzle',
      input: failedQuery(pgError('57P01', 'terminating connection due to administrator command')),
      expected: 'unavailable',
    },
    {
      label: 'nobody listening on the port',
      input: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      expected: 'unavailable',
    },
    {
      label: 'the socket closed under a statement',
      input: failedQuery(new Error('Connection terminated unexpectedly')),
      expected: 'unavailable',
    },
    {
      label: 'a unique violation nobody caught',
      input: failedQuery(pgError('23505', 'duplicate key value violates unique constraint')),
      expected: 'internal',
    },
    { label: 'a bug', input: new TypeError('x is undefined'), expected: 'internal' },
    { label: 'invalid input', input: new ZodError([]), expected: 'bad_request' },
    { label: 'an error of the domain', input: new AppError('conflict'), expected: 'conflict' },
  ])('$label → $expected', ({ input, expected }) => {
    expect(toAppError(input, 'action').code).toBe(expected);
  });

  test('tells the user in their language to try again shortly, without the driver’s words', () => {
    const lost = toAppError(failedQuery(pgError('08006', 'connection failure')), 'action');
    expect(errorMessage('ko', lost)).toBe(
      '일시적으로 요청을 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    );
    expect(errorMessage('en', lost)).toBe(
      'The service is briefly unavailable. Please try again in a moment.',
    );
  });

  test('logs a lost connection as a warning under the caller’s name', () => {
    const warn = vi.mocked(console.warn);
    warn.mockClear();
    toAppError(pgError('57P03', 'the database system is starting up'), 'approve-link');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[approve-link\] database unavailable: 57P03/));
  });
});
