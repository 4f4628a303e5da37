import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { workingHoursBetween } from '@/lib/calendar/working-hours';
import { listRequests } from '@/lib/requests/queries';
import { getActivePolicy } from './get-active-policy';
import { listDepartmentNames } from './line-preview-data';

/** The inbox filters as the URL carries them; a bad value falls back to "all". */
export const inboxFilter = z.object({
  stepKind: z.enum(['review', 'consult', 'approve']).optional().catch(undefined),
  /** the requesting department's code */
  department: z.string().trim().max(20).optional().catch(undefined),
  itemKind: z.enum(['vm', 'platform_slot', 'volume', 'scale_up', 'resize']).optional().catch(undefined),
  overdue: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
});
export type InboxFilter = z.output<typeof inboxFilter>;

/** The inbox reads at most this many waiting requests. */
const INBOX_LIMIT = 500;

export type GetInboxOptions = { actor: Actor; filter: InboxFilter; now?: Date };

/**
 * 결재함 — the requests with a step awaiting the actor (as approver or as 대결 substitute), oldest
 * wait first, each with how long its step has waited in working hours (근무시간, the clock the
 * reminders and escalations run on) and whether it may be approved in bulk; counts over all of them,
 * and the filtered rows.
 */
export async function getInbox({ actor, filter, now = new Date() }: GetInboxOptions) {
  const [page, policy, departments] = await Promise.all([
    listRequests({ actor, pendingForMe: true, limit: INBOX_LIMIT }),
    getActivePolicy(),
    listDepartmentNames(),
  ]);
  const { bulkApproveMaxMonthlyKrw, reminderWorkingHours } = policy.settings;
  const all = page.items.flatMap((request) => {
    const step = request.steps.find((s) => s.awaitsMe);
    if (!step) return [];
    const since = step.pendingSince ?? request.submittedAt ?? request.createdAt;
    const waitingHours = workingHoursBetween(new Date(since), now);
    const department = departments.find((d) => d.id === request.departmentId);
    return [
      {
        id: request.id,
        number: request.number,
        requesterName: request.requesterName,
        departmentId: request.departmentId,
        departmentCode: department?.code ?? '',
        departmentName: request.departmentName,
        departmentNameEn: department?.nameEn ?? request.departmentName,
        itemKind: request.kind,
        itemName: request.catalogItemName,
        itemNameEn: request.catalogItemNameEn,
        systemName: request.systemName,
        environment: request.environment,
        monthlyKrw: request.estimate.monthlyKrw,
        stepKind: step.kind,
        pendingSince: since,
        waitingHours,
        // past the reminder's working hours the step is overdue; escalation is recorded on the step
        overdue: waitingHours >= reminderWorkingHours,
        escalated: step.escalated,
        actingFor: step.awaitsMeActingFor,
        bulkEligible: request.estimate.monthlyKrw <= bulkApproveMaxMonthlyKrw,
      },
    ];
  });
  all.sort((a, b) => a.pendingSince.localeCompare(b.pendingSince));

  const counts = {
    total: all.length,
    review: all.filter((i) => i.stepKind === 'review').length,
    consult: all.filter((i) => i.stepKind === 'consult').length,
    approve: all.filter((i) => i.stepKind === 'approve').length,
    escalated: all.filter((i) => i.escalated).length,
    overdue: all.filter((i) => i.overdue).length,
  };
  const items = all.filter(
    (i) =>
      (!filter.stepKind || i.stepKind === filter.stepKind) &&
      (!filter.department || i.departmentCode === filter.department) &&
      (!filter.itemKind || i.itemKind === filter.itemKind) &&
      (!filter.overdue || i.overdue),
  );
  const departmentOptions = departments.filter(
    (d) => d.code === filter.department || all.some((i) => i.departmentId === d.id),
  );
  return {
    items,
    counts,
    departments: departmentOptions,
    truncated: page.nextCursor !== null,
    settings: { bulkApproveMaxMonthlyKrw, reminderWorkingHours },
  };
}
export type Inbox = Awaited<ReturnType<typeof getInbox>>;
export type InboxItem = Inbox['items'][number];
