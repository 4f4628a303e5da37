// GET /api/v1/dashboards/utilisation — capacity, allocated and used over time, from the metering rollups
import { withApi } from '@/lib/api/with-api';
import { badRequestBody } from '@/lib/metering/field-error-text';
import { getUtilisation } from '@/lib/metering/get-utilisation';
import { scopeIdsFor } from '@/lib/metering/queries';
import { checkUtilisationQuery, utilisationQuery } from '@/lib/metering/utilisation-input';

export const GET = withApi(
  async ({ actor, locale, query }) => {
    const raw = query(utilisationQuery);
    const { input, errors } = checkUtilisationQuery(raw, await scopeIdsFor(raw));
    // a filter out of range, a malformed date or an unknown scope: 400, every bad field named
    if (Object.keys(errors).length) return Response.json(badRequestBody(locale, errors), { status: 400 });
    return getUtilisation({ actor, input });
  },
  { permission: 'dashboards:read' },
);
