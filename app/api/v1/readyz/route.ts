// GET /api/v1/readyz — readiness for a load balancer: 503 while shutting down, while the database is
// unreachable, or while migrations of this build are not applied yet (no auth)
import { checkReadiness } from '@/lib/config/check-readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
