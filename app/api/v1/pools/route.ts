// GET /api/v1/pools — every pool's capacity, what is allocated from it and what is in use now
import { withApi } from '@/lib/api/with-api';
import { getPools } from '@/lib/pools/get-pools';

export const GET = withApi(async ({ actor }) => getPools({ actor }), { permission: 'pools:read' });
