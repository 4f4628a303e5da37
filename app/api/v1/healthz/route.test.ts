import { describe, expect, it } from 'vitest';
import { GET } from './route';

describe('GET /api/v1/healthz', () => {
  it('reports the database and the job queue up, without authentication', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: true, queue: true });
  });
});
