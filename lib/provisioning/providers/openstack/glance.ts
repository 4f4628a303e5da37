import { ProviderError } from '../types';
import type { OpenStackSession } from './session';

type GlanceImage = { id: string; name: string; status?: string };

/**
 * The id of the Glance image called `name` (GET /v2/images?name=…, an exact match). When several
 * share the name, an `active` one wins: a queued or killed upload cannot boot.
 */
export async function findImageId(session: OpenStackSession, name: string): Promise<string> {
  const answer = await session.call('image', {
    method: 'GET',
    // the catalogue URL of Glance is usually unversioned (http://host:9292), sometimes ends in /v2
    path: `/v2/images?${new URLSearchParams({ name })}`,
    what: `find image "${name}"`,
  });
  const images = (answer.body as { images?: GlanceImage[] }).images ?? [];
  const image = images.find((i) => i.status === 'active') ?? images[0];
  if (!image) throw new ProviderError('not_found', `Glance has no image named "${name}"`);
  return image.id;
}
