import { sweepWithActivePolicy } from '@/lib/approvals/sweep-pending-steps';
import { rollUpAllocationsJob } from '@/lib/costs/roll-up-allocations';
import { applyChange, failChange } from '@/lib/lifecycle/apply-change';
import { pollChange } from '@/lib/lifecycle/poll-change';
import { revertScaleUp } from '@/lib/lifecycle/revert-scale-up';
import { sweepLeases } from '@/lib/lifecycle/sweep-leases';
import { applyRetention } from '@/lib/metering/apply-retention';
import { collectUsage } from '@/lib/metering/collect-usage';
import { sendOutboxMail } from '@/lib/notify/send-outbox-mail';
import { cleanUpFailed } from '@/lib/provisioning/clean-up-failed';
import { decommission, failDecommission } from '@/lib/provisioning/decommission';
import { failProvisioning } from '@/lib/provisioning/fail-provisioning';
import { pollResource } from '@/lib/provisioning/poll-resource';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { reconcileClouds } from '@/lib/provisioning/reconcile-clouds';
import { closeMonthJob } from '@/lib/reports/close-month';
import type { Payload, QueueName } from './queues';

type Handler<Q extends QueueName> = {
  run: (payload: Payload<Q>) => Promise<void>;
  /** called instead of throwing once the job has used its last retry */
  giveUp?: (payload: Payload<Q>, error: unknown) => Promise<void>;
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** What each queue does. Every handler is idempotent: a retry or a second worker changes nothing twice. */
export const handlers: { [Q in QueueName]: Handler<Q> } = {
  'provisioning.create': {
    run: provisionRequest,
    giveUp: (p, error) => failProvisioning({ requestId: p.requestId, reason: reason(error) }),
  },
  'provisioning.poll': {
    run: pollResource,
  },
  'provisioning.decommission': {
    run: decommission,
    giveUp: (p, error) => failDecommission({ resourceId: p.resourceId, reason: reason(error) }),
  },
  'provisioning.cleanup': {
    run: cleanUpFailed,
  },
  'provisioning.reconcile': {
    run: () => reconcileClouds({}).then(() => undefined),
  },
  'lifecycle.apply-change': {
    run: applyChange,
    giveUp: (p, error) => failChange({ requestId: p.requestId, reason: reason(error) }),
  },
  'lifecycle.poll-change': {
    run: pollChange,
    giveUp: (p, error) => failChange({ requestId: p.requestId, reason: reason(error) }),
  },
  'lifecycle.revert-scale-up': {
    run: revertScaleUp,
  },
  'lifecycle.lease-sweep': {
    run: () => sweepLeases({}).then(() => undefined),
  },
  'mail.send': {
    run: sendOutboxMail,
  },
  'approvals.sweep': {
    run: sweepWithActivePolicy,
  },
  'metering.collect': {
    run: () => collectUsage({}).then(() => undefined),
  },
  'metering.retention': {
    run: () => applyRetention({}).then(() => undefined),
  },
  'costs.roll-up-allocations': {
    run: rollUpAllocationsJob,
  },
  'reports.close-month': {
    run: closeMonthJob,
  },
};
