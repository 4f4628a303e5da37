// GET /api/v1/me — the caller
import { withApi } from '@/lib/api/with-api';

export const GET = withApi(async ({ actor }) => ({
  id: actor.id,
  email: actor.email,
  name: actor.name,
  roles: actor.roles,
  departmentId: actor.departmentId,
}));
