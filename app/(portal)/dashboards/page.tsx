import { redirect } from 'next/navigation';
import { requireActor } from '@/app/_auth/require-actor';

// GET /dashboards — the planners' dashboards start with the savings of the shared cloud
export default async function DashboardsPage() {
  await requireActor('dashboards:read');
  redirect('/dashboards/savings');
}
