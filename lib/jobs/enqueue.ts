import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Tx } from '@/db';
import { getBoss } from './boss';
import { type Payload, type QueueName, queues } from './queues';

export type EnqueueOptions = { startAfterSeconds?: number; startAfter?: Date; singletonKey?: string };

/**
 * Enqueues a job inside the caller's transaction: it exists only if the state change that caused
 * it commits, and a rollback leaves no job behind.
 */
export async function enqueue<Q extends QueueName>(
  tx: Tx,
  name: Q,
  payload: Payload<Q>,
  options: EnqueueOptions = {},
): Promise<void> {
  const data = queues[name].payload.parse(payload);
  const boss = await getBoss();
  await boss.send(name, data, {
    db: fromDrizzle(tx as never, sql as never),
    startAfter: options.startAfter ?? options.startAfterSeconds,
    singletonKey: options.singletonKey,
  });
}
