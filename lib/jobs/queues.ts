import { z } from 'zod';

/** Every job the portal runs: a dotted id, its payload schema, and its queue's retry policy. */
export const queues = {
  'provisioning.create': {
    payload: z.object({ requestId: z.uuid() }),
    options: { retryLimit: 5, retryDelay: 2, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 300 },
  },
  'provisioning.poll': {
    payload: z.object({ resourceId: z.uuid() }),
    options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 30, expireInSeconds: 120 },
  },
  /** 반납: deletes a resource from the cloud (lib/provisioning/decommission.ts) */
  'provisioning.decommission': {
    payload: z.object({ resourceId: z.uuid() }),
    options: { retryLimit: 6, retryDelay: 2, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 300 },
  },
  'mail.send': {
    payload: z.object({ outboxId: z.uuid() }),
    options: { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
  },
  /** reminders and escalation of overdue approval steps; scheduled every 5 minutes (lib/jobs/run-worker.ts) */
  'approvals.sweep': {
    payload: z.object({}),
    // the next run retries anyway; keep a day of runs rather than a week
    options: { retryLimit: 1, retryDelay: 30, expireInSeconds: 240, deleteAfterSeconds: 86_400 },
  },
} as const;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.output<(typeof queues)[Q]['payload']>;
export const queueNames = Object.keys(queues) as QueueName[];
