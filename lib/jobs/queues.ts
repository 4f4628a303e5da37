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
} as const;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.output<(typeof queues)[Q]['payload']>;
export const queueNames = Object.keys(queues) as QueueName[];
