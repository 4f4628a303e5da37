import { PgBoss } from 'pg-boss';
import { handlers } from './handlers';
import { type QueueName, queueNames, queues } from './queues';

export type RunWorkerOptions = { connectionString: string; concurrency?: number };

/**
 * Starts a worker on the PostgreSQL queue: supervision, schedules and every queue's handler.
 * Any number of workers may run against one database. Returns a stop function that lets
 * in-flight jobs finish (graceful shutdown).
 */
export async function runWorker(options: RunWorkerOptions): Promise<{ stop: () => Promise<void> }> {
  // supervision every 10 s: a job whose worker died (its heartbeat stopped) is retried promptly
  const boss = new PgBoss({
    connectionString: options.connectionString,
    supervise: true,
    schedule: true,
    superviseIntervalSeconds: 10,
  });
  boss.on('error', (error) => console.error('[worker]', error));
  await boss.start();
  // schedule() upserts the row of (queue, key): every worker may declare it at start. Only the cron
  // pass of one instance sends each occurrence, and the sweep's claims make overlapping runs harmless.
  await boss.schedule('approvals.sweep', '*/5 * * * *', {}, { tz: 'Asia/Seoul' });
  // 월 마감: on the 1st at 01:00 Seoul time, the month before; closing twice changes nothing
  await boss.schedule('reports.close-month', '0 1 1 * *', {}, { tz: 'Asia/Seoul' });
  // 자원 집계: this month's allocations from the resources, hourly (a run recomputes the month: idempotent)
  await boss.schedule('costs.roll-up-allocations', '40 * * * *', {}, { tz: 'Asia/Seoul' });
  // metering: a usage round every five minutes (a repeated round adds nothing: samples are keyed by
  // resource and slot); raw partitions past retention dropped nightly
  await boss.schedule('metering.collect', '*/5 * * * *', {}, { tz: 'Asia/Seoul' });
  await boss.schedule('metering.retention', '15 3 * * *', {}, { tz: 'Asia/Seoul' });
  await boss.schedule('provisioning.reconcile', '*/15 * * * *', {}, { tz: 'Asia/Seoul' });
  await boss.schedule('lifecycle.lease-sweep', '7 * * * *', {}, { tz: 'Asia/Seoul' });
  for (const name of queueNames) await work(boss, name, options.concurrency ?? 4);
  return { stop: () => boss.stop({ graceful: true, timeout: 20_000 }) };
}

async function work<Q extends QueueName>(boss: PgBoss, name: Q, concurrency: number) {
  const handler = handlers[name];
  await boss.work(
    name,
    { includeMetadata: true, batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      if (!job) return;
      const payload = queues[name].payload.parse(job.data) as never;
      try {
        await handler.run(payload);
      } catch (error) {
        const lastTry = job.retryCount >= job.retryLimit;
        console.error(`[worker] ${name} attempt ${job.retryCount + 1} failed:`, error);
        if (lastTry && handler.giveUp) return handler.giveUp(payload, error);
        throw error;
      }
    },
  );
}
