import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import {
  approvalLinks,
  demoActors,
  demoEmails,
  mailJobCount,
  mailList,
  mailsAbout,
  provisioningJobs,
  requestSnapshot,
  retireStrayApprovers,
  submitVm,
  withPolicy,
} from '@/db/testing/fixtures';
import { failProvisioning } from '@/lib/provisioning/fail-provisioning';
import { getRequest } from '@/lib/requests/queries';
import { activateStepGroup } from './activate-step-group';
import { decideStep } from './decide-step';
import { defaultPolicy } from './policy-schema';

// Mails are written to mail_outbox in the transaction of the change that causes them, with a
// `mail.send` job; the worker delivers them (without SMTP_URL, to the dev mailbox).

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  // the recipients asserted here are the demo city's approvers, not accounts other files created
  await retireStrayApprovers();
  a = await demoActors();
});

describe('the outbox commits with the decision', () => {
  it('leaves no mail, link or job when a decision fails to commit', async () => {
    const request = await submitVm(a.staff);
    const mailsBefore = await mailList(request.id);
    const jobsBefore = await mailJobCount();
    const before = await requestSnapshot(request.id);

    // a check PostgreSQL runs at COMMIT, after decideStep has mailed IT: the commit fails
    const db = getDb();
    await db.execute(sql`
      create or replace function vitest_refuse_step_commit() returns trigger language plpgsql as $$
      begin raise exception 'vitest: commit refused'; end $$`);
    await db.execute(
      sql.raw(`create constraint trigger vitest_refuse_step_commit after update on approval_steps
        deferrable initially deferred for each row
        when (new.request_id = '${request.id}' and new.status = 'approved')
        execute function vitest_refuse_step_commit()`),
    );
    try {
      await expect(
        decideStep({ actor: a.head, requestId: request.id, decision: 'approve' }),
      ).rejects.toMatchObject({
        query: 'commit',
        cause: { message: 'vitest: commit refused' },
      });
    } finally {
      await db.execute(sql`drop trigger vitest_refuse_step_commit on approval_steps`);
      await db.execute(sql`drop function vitest_refuse_step_commit()`);
    }

    expect(await mailList(request.id)).toEqual(mailsBefore);
    expect(await mailJobCount()).toBe(jobsBefore);
    expect(await approvalLinks(request.steps[1]!.id)).toEqual([]);
    expect(await requestSnapshot(request.id)).toEqual(before);

    // the same decision, committed, mails IT once with one link and one job
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    expect(await mailList(request.id)).toEqual([...mailsBefore, ['step-pending', demoEmails.it]]);
    expect(await mailJobCount()).toBe(jobsBefore + 1);
    expect((await approvalLinks(request.steps[1]!.id)).map((l) => l.userId)).toEqual([a.it.id]);
  });

  it('mails each approver once, however often their group is activated', async () => {
    const request = await submitVm(a.staff);
    const mailsBefore = await mailList(request.id);
    const jobsBefore = await mailJobCount();
    expect(mailsBefore).toEqual([['step-pending', demoEmails.head]]);

    const activateFirstGroup = () =>
      getDb().transaction((tx) =>
        activateStepGroup(tx, {
          requestId: request.id,
          round: 1,
          order: 1,
          now: new Date(),
          linkTtlHours: 72,
        }),
      );
    await activateFirstGroup();
    await activateFirstGroup();

    expect(await mailList(request.id)).toEqual(mailsBefore);
    expect(await mailJobCount()).toBe(jobsBefore);
    expect(await approvalLinks(request.steps[0]!.id)).toHaveLength(1);
  });
});

describe('the requester is told', () => {
  // (that the resource is running is told through the worker: lib/jobs/run-worker.test.ts)
  it('when the last approver approves, and when provisioning then fails for good, with the reason', async () => {
    const request = await submitVm(a.staff);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    expect(await mailList(request.id)).not.toContainEqual(['request-approved', demoEmails.staff]);
    await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
    expect((await mailList(request.id)).at(-1)).toEqual(['request-approved', demoEmails.staff]);

    const reason = '가용 용량 부족: dc-primary';
    await failProvisioning({ requestId: request.id, reason });
    // a second give-up (a retried job) does not mail again
    await failProvisioning({ requestId: request.id, reason });

    expect((await getRequest({ actor: a.staff, requestId: request.id }))?.status).toBe('failed');
    const mails = await mailsAbout(request.id);
    expect(mails.map((m) => [m.template, m.to])).toEqual([
      ['step-pending', demoEmails.head],
      ['step-pending', demoEmails.it],
      ['request-approved', demoEmails.staff],
      ['resource-failed', demoEmails.staff],
    ]);
    expect(mails.at(-1)?.text).toContain(reason);
  });

  it('when no rule of the policy asks anyone to sign and the request is approved at once', async () => {
    const prodOnly = { ...defaultPolicy, name: '운영만 결재 (vitest)', rules: [defaultPolicy.rules[1]!] };
    await withPolicy(a.admin, prodOnly, async () => {
      const request = await submitVm(a.staff);
      expect(request.status).toBe('approved');
      expect(request.steps).toEqual([]);
      expect(await mailList(request.id)).toEqual([['request-approved', demoEmails.staff]]);
      expect(await provisioningJobs(request.id)).toHaveLength(1);
    });
  });
});
