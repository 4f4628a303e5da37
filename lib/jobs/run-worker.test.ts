import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  belowThreshold,
  demoActors,
  demoEmails,
  mailsAbout,
  provisioningJobs,
  retireStrayApprovers,
  submitVm,
} from '@/db/testing/fixtures';
import { waitFor } from '@/db/testing/wait-for';
import { decideStep } from '@/lib/approvals/decide-step';
import { getRequest } from '@/lib/requests/queries';
import { getResource } from '@/lib/resources/queries';
import { runWorker } from './run-worker';

// vitest.config.ts sets SIM_BUILD_MS=500 and SIM_CALL_MS=20: the simulated cloud builds in about half a second
let a: Awaited<ReturnType<typeof demoActors>>;
let worker: Awaited<ReturnType<typeof runWorker>> | undefined;
beforeAll(async () => {
  // the recipients asserted here are the demo city's approvers, not accounts other files created
  await retireStrayApprovers();
  a = await demoActors();
});
afterAll(async () => {
  await worker?.stop();
});

describe('from submission to a running server', () => {
  it('submits, approves, queues provisioning, and a worker makes the request and its resource active', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });

    const approved = await getRequest({ actor: a.staff, requestId: request.id });
    expect(approved?.status).toBe('approved');
    expect(await provisioningJobs(request.id)).toHaveLength(1);

    worker = await runWorker({ connectionString: inject('databaseUrl') });

    const active = await waitFor(
      () => getRequest({ actor: a.staff, requestId: request.id }),
      (r) => r?.status === 'active' || r?.status === 'failed',
      { what: 'the request to become active' },
    );
    expect(active?.status).toBe('active');
    expect(active?.resourceIds).toHaveLength(1);
    // the requester was told at each turn: approved, then running (written with the state change)
    const mails = await mailsAbout(request.id);
    expect(mails.map((m) => [m.template, m.to])).toEqual([
      ['step-pending', demoEmails.head],
      ['step-pending', demoEmails.it],
      ['request-approved', demoEmails.staff],
      ['resource-active', demoEmails.staff],
    ]);
    expect(mails.at(-1)?.text).toContain(String(request.spec.name));

    const resource = await getResource({ actor: a.staff, resourceId: active!.resourceIds[0]! });
    expect(resource).toMatchObject({
      status: 'active',
      kind: 'vm',
      name: request.spec.name,
      departmentId: a.staff.departmentId,
      systemId: request.systemId,
      providerState: 'active',
    });
    expect(resource?.providerRef).toMatch(/^sim-[0-9a-f-]{36}$/);
    const events = resource!.events.map((e) => e.type);
    expect(events[0]).toBe('provisioning.started');
    expect(events).toContain('provider.accepted');
    expect(events.at(-1)).toBe('active');

    const jobs = await waitFor(
      () => provisioningJobs(request.id),
      (rows) => rows.every((j) => j.state === 'completed'),
      { what: 'the provisioning job to complete' },
    );
    expect(jobs).toHaveLength(1);
  });
});
