import type { Actor } from './actor';

/** The actor of background jobs; audit rows show it with no user. */
export const systemActor: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system@dcloud.local',
  name: 'system',
  departmentId: '00000000-0000-0000-0000-000000000000',
  roles: [],
  via: 'system',
};
