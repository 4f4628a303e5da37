import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { currentActor } from './_auth/require-actor';

// / — approvers start at their inbox, everyone else at the catalogue
export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  redirect(can(actor, 'requests:decide') ? '/inbox' : '/catalog');
}
