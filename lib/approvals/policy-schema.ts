import { z } from 'zod';
import { roles } from '@/lib/auth/actor';

/** Who signs a step: a role in the requester's department, a role in a named department, or a person. */
export const approverRef = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('requester_department_role'),
      role: z.enum(roles, { error: 'validation.choice' }),
    }),
    z.object({
      type: z.literal('department_role'),
      role: z.enum(roles, { error: 'validation.choice' }),
      departmentCode: z.string().trim().min(1, { error: 'validation.required' }).max(20),
    }),
    z.object({ type: z.literal('user'), email: z.email({ error: 'validation.email' }).max(254) }),
  ],
  { error: 'validation.choice' },
);
export type ApproverRef = z.infer<typeof approverRef>;

const amountRange = z
  .object({
    /** inclusive */
    min: z.number({ error: 'validation.integer' }).int({ error: 'validation.integer' }).min(0).optional(),
    /** exclusive */
    max: z.number({ error: 'validation.integer' }).int({ error: 'validation.integer' }).min(0).optional(),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min < r.max, { error: 'validation.range' });

export const policyStep = z
  .object({
    /** 검토 review · 협조 consultation (a parallel group: all must agree) · 결재 approval */
    kind: z.enum(['review', 'consult', 'approve'], { error: 'validation.choice' }),
    approvers: z.array(approverRef).min(1, { error: 'validation.approvers' }).max(10),
  })
  .refine((s) => s.kind === 'consult' || s.approvers.length === 1, {
    error: 'validation.parallelOnlyConsult',
    path: ['approvers'],
  });
export type PolicyStep = z.infer<typeof policyStep>;

export const policyRule = z.object({
  name: z.string().trim().min(1, { error: 'validation.name' }).max(100, { error: 'validation.name' }),
  /** every condition given must hold; an empty match applies to every request */
  match: z
    .object({
      departments: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
      kinds: z.array(z.enum(['vm', 'platform_slot', 'volume', 'scale_up', 'resize'])).optional(),
      environments: z.array(z.enum(['dev', 'staging', 'prod'])).optional(),
      monthlyKrw: amountRange.optional(),
      totalKrw: amountRange.optional(),
    })
    .default({}),
  steps: z.array(policyStep).min(1, { error: 'validation.steps' }).max(10),
});
export type PolicyRule = z.infer<typeof policyRule>;

/** Ranges of the policy settings; their messages name the range (lib/i18n/validation-values.ts). */
export const POLICY_LIMITS = {
  reminderWorkingHours: { min: 1, max: 200 },
  escalationWorkingHours: { min: 1, max: 400 },
  linkTtlHours: { min: 1, max: 720 },
  monthsWithoutLease: { min: 1, max: 120 },
} as const;

function hoursIn(limit: { min: number; max: number }, key: string) {
  return z
    .number({ error: 'validation.integer' })
    .int({ error: 'validation.integer' })
    .min(limit.min, { error: key })
    .max(limit.max, { error: key });
}

export const policySettings = z.object({
  /** a pending step reminds its approvers after this many working hours */
  reminderWorkingHours: hoursIn(
    POLICY_LIMITS.reminderWorkingHours,
    'validation.reminderWorkingHours',
  ).default(8),
  /** and escalates (approvers and admins are told) after this many */
  escalationWorkingHours: hoursIn(
    POLICY_LIMITS.escalationWorkingHours,
    'validation.escalationWorkingHours',
  ).default(24),
  /** email approval links expire after this many hours */
  linkTtlHours: hoursIn(POLICY_LIMITS.linkTtlHours, 'validation.linkTtlHours').default(72),
  /** the inbox's bulk approval is offered up to this monthly estimate */
  bulkApproveMaxMonthlyKrw: z
    .number({ error: 'validation.integer' })
    .int({ error: 'validation.integer' })
    .min(0, { error: 'validation.integer' })
    .default(300_000),
  /** the total cost of a request without a lease end counts this many months */
  monthsWithoutLease: hoursIn(POLICY_LIMITS.monthsWithoutLease, 'validation.monthsWithoutLease').default(12),
});
export type PolicySettings = z.infer<typeof policySettings>;

export const policyInput = z
  .object({
    name: z.string().trim().min(1, { error: 'validation.name' }).max(100, { error: 'validation.name' }),
    note: z.string().trim().max(2000).default(''),
    rules: z.array(policyRule).min(1, { error: 'validation.rules' }).max(50),
    settings: policySettings.default(policySettings.parse({})),
  })
  .refine((p) => p.settings.reminderWorkingHours < p.settings.escalationWorkingHours, {
    error: 'validation.reminderBeforeEscalation',
    path: ['settings', 'escalationWorkingHours'],
  });
export type PolicyInput = z.input<typeof policyInput>;
export type Policy = z.output<typeof policyInput>;

/** 전결: at or above this monthly amount the default policy adds the senior official's approval. */
export const DEFAULT_SENIOR_THRESHOLD_MONTHLY_KRW = 1_000_000;

/** The policy a new installation starts with (version 1). */
export const defaultPolicy: Policy = policyInput.parse({
  name: '기본 결재 규정',
  note: '부서장 검토 → (운영 환경) 정보화 기획 협조 → 정보화담당관 결재(전결) → 월 100만 원 이상은 기획조정실장 결재',
  rules: [
    {
      name: '부서장 검토',
      steps: [{ kind: 'review', approvers: [{ type: 'requester_department_role', role: 'dept_approver' }] }],
    },
    {
      name: '운영 환경 용량 협조',
      match: { environments: ['prod'] },
      steps: [
        { kind: 'consult', approvers: [{ type: 'department_role', role: 'planner', departmentCode: 'IT' }] },
      ],
    },
    {
      name: '정보화담당관 결재 (전결)',
      steps: [
        {
          kind: 'approve',
          approvers: [{ type: 'department_role', role: 'it_reviewer', departmentCode: 'IT' }],
        },
      ],
    },
    {
      name: '기획조정실장 결재 (전결 한도 초과)',
      match: { monthlyKrw: { min: DEFAULT_SENIOR_THRESHOLD_MONTHLY_KRW } },
      steps: [
        {
          kind: 'approve',
          approvers: [{ type: 'department_role', role: 'senior_approver', departmentCode: 'PLAN' }],
        },
      ],
    },
  ],
});
