import { afterEach, describe, expect, it } from 'vitest';
import { GET, POST } from './route';

afterEach(() => {
  delete process.env.DCLOUD_BENCH;
});

describe('/api/v1/bench/noop', () => {
  it('does not exist outside a benchmark run', async () => {
    expect(GET().status).toBe(404);
    expect(
      (await POST(new Request('http://localhost/api/v1/bench/noop', { method: 'POST', body: '{}' }))).status,
    ).toBe(404);
  });

  it('answers at once when DCLOUD_BENCH=1', async () => {
    process.env.DCLOUD_BENCH = '1';
    expect(await GET().json()).toEqual({ ok: true });
    const res = await POST(
      new Request('http://localhost/api/v1/bench/noop', { method: 'POST', body: '{"a":1}' }),
    );
    expect(res.status).toBe(201);
  });
});
