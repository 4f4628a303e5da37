import { NotFoundContent } from '@/components/layout/not-found-content';

/** Inside the portal the header stays; the portal layout already provides <main>. */
export default function PortalNotFound() {
  return <NotFoundContent />;
}
