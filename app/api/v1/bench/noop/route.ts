// GET|POST /api/v1/bench/noop — the benchmark's ceiling: a bare route handler, no auth, no database
// (npm run bench measures every route against it in the same run). 404 unless DCLOUD_BENCH=1.
export const dynamic = 'force-dynamic';

const enabled = () => process.env.DCLOUD_BENCH === '1';
const notFound = () => Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });

export function GET() {
  return enabled() ? Response.json({ ok: true }) : notFound();
}

/** Reads and parses the body, as a JSON route would, and answers 201 like a submission. */
export async function POST(req: Request) {
  if (!enabled()) return notFound();
  const body = (await req.json().catch(() => null)) as unknown;
  return Response.json({ ok: true, received: typeof body }, { status: 201 });
}
