// GET /api/v1/livez — liveness: the process answers HTTP. Nothing else is checked, so an orchestrator
// restarts a hung server but never one that merely waits for its database (that is readyz) (no auth)
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
