import { sweepWithActivePolicy } from '@/lib/approvals/sweep-pending-steps';
import { sendOutboxMail } from '@/lib/notify/send-outbox-mail';
import { decommission, failDecommission } from '@/lib/provisioning/decommission';
import { failProvisioning } from '@/lib/provisioning/fail-provisioning';
import { pollResource } from '@/lib/provisioning/poll-resource';
import { provisionRequest } from '@/lib/provisioning/provision-request';
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
  'mail.send': {
    run: sendOutboxMail,
  },
  'approvals.sweep': {
    run: sweepWithActivePolicy,
  },
};
