import { z } from 'zod';

/**
 * Every job the portal runs: a dotted id, its payload schema, and its queue's retry policy. Cloud
 * jobs carry a heartbeat: when a worker dies in the middle of one (SIGKILL, a lost machine), the
 * job is retried within about 20 seconds instead of waiting out its expiry, and its idempotent
 * steps pick up where the dead worker left off.
 */
export const queues = {
  'provisioning.create': {
    payload: z.object({ requestId: z.uuid() }),
    options: {
      retryLimit: 5,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  },
  'provisioning.poll': {
    payload: z.object({ resourceId: z.uuid() }),
    options: {
      retryLimit: 10,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 30,
      expireInSeconds: 120,
      heartbeatSeconds: 10,
    },
  },
  /** 반납: deletes a resource from the cloud (lib/provisioning/decommission.ts) */
  'provisioning.decommission': {
    payload: z.object({ resourceId: z.uuid() }),
    options: {
      retryLimit: 6,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  },
  /** deletes what the cloud made for a request whose provisioning failed (lib/provisioning/clean-up-failed.ts) */
  'provisioning.cleanup': {
    payload: z.object({ requestId: z.uuid() }),
    options: {
      retryLimit: 8,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  },
  /** compares each cloud with the portal's resources and records drift; scheduled every 15 minutes */
  'provisioning.reconcile': {
    payload: z.object({}),
    options: { retryLimit: 1, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 86_400 },
  },
  /** applies an approved resize or scale-up in the cloud (lib/lifecycle/apply-change.ts) */
  'lifecycle.apply-change': {
    payload: z.object({ requestId: z.uuid() }),
    options: {
      retryLimit: 5,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  },
  /** follows a resize in the cloud until the resource is active again */
  'lifecycle.poll-change': {
    payload: z.object({ requestId: z.uuid(), revert: z.boolean() }),
    options: {
      retryLimit: 10,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 30,
      expireInSeconds: 120,
      heartbeatSeconds: 10,
    },
  },
  /** returns a temporary scale-up to the size before it, at the end of its window */
  'lifecycle.revert-scale-up': {
    payload: z.object({ requestId: z.uuid() }),
    options: {
      retryLimit: 8,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  },
  /** lease warnings 14 and 3 days ahead, then 반납 after the grace period; scheduled hourly */
  'lifecycle.lease-sweep': {
    payload: z.object({}),
    options: { retryLimit: 1, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 86_400 },
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
  /** one usage collection round over every active resource (lib/metering/collect-usage.ts); every 5 minutes */
  'metering.collect': {
    payload: z.object({}),
    // a round reads "now": a late retry would only read the next slot's values, so retry once, soon
    options: { retryLimit: 1, retryDelay: 10, expireInSeconds: 240, deleteAfterSeconds: 86_400 },
  },
  /** drops raw sample partitions past the retention period, creates the coming months'; daily */
  'metering.retention': {
    payload: z.object({}),
    options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 600, deleteAfterSeconds: 7 * 86_400 },
  },
  /** 자원 집계: this month's allocations from the portal's resources (lib/costs/roll-up-allocations.ts); the given month when set; hourly */
  'costs.roll-up-allocations': {
    payload: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .optional(),
    }),
    // a roll-up recomputes the whole month: the next hour's run repairs a failed one
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 86_400 },
  },
  /** 월 마감: materialises a month's report once (lib/reports/close-month.ts); the month before when absent; scheduled on the 1st at 01:00 Seoul */
  'reports.close-month': {
    payload: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .optional(),
    }),
    options: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      retryDelayMax: 1_800,
      expireInSeconds: 900,
    },
  },
} as const;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.output<(typeof queues)[Q]['payload']>;
export const queueNames = Object.keys(queues) as QueueName[];
