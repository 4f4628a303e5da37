// GET /api/v1/dashboards/showback — 쇼백: per department, system and month, by allocation and by usage
import { withApi } from '@/lib/api/with-api';
import { showbackForApi } from '@/lib/reports/api';
import { showbackQuery } from '@/lib/reports/showback-filters';

export const GET = withApi(
  async ({ actor, query }) => showbackForApi({ actor, query: query(showbackQuery) }),
  {
    permission: 'dashboards:read',
  },
);
