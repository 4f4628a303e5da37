import type {
  ApproverRef,
  Policy,
  PolicyInput,
  PolicyRule,
  PolicySettings,
} from '@/lib/approvals/policy-schema';
import type { Role } from '@/lib/auth/actor';

// The editor's working copy of a policy: every number is the text the admin typed, every list item
// has a client id (stable across reordering). `toPolicyInput` turns it into what the schema parses.

export const itemKinds = ['vm', 'platform_slot', 'volume', 'scale_up', 'resize'] as const;
export type ItemKind = (typeof itemKinds)[number];
export const environments = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof environments)[number];
export const stepKinds = ['review', 'consult', 'approve'] as const;
export type StepKind = (typeof stepKinds)[number];
export const approverTypes = ['requester_department_role', 'department_role', 'user'] as const;
export type ApproverType = (typeof approverTypes)[number];
export const settingKeys = [
  'reminderWorkingHours',
  'escalationWorkingHours',
  'linkTtlHours',
  'bulkApproveMaxMonthlyKrw',
  'monthsWithoutLease',
] as const satisfies readonly (keyof PolicySettings)[];

export type DraftApprover = {
  uid: string;
  type: ApproverType;
  role: Role | '';
  departmentCode: string;
  email: string;
};
export type DraftStep = { uid: string; kind: StepKind; approvers: DraftApprover[] };
export type DraftRule = {
  uid: string;
  name: string;
  departments: string[];
  kinds: ItemKind[];
  environments: Environment[];
  monthlyMin: string;
  monthlyMax: string;
  totalMin: string;
  totalMax: string;
  steps: DraftStep[];
};
export type Draft = {
  name: string;
  note: string;
  rules: DraftRule[];
  settings: Record<(typeof settingKeys)[number], string>;
};

let counter = 0;
/** A client id for a new list item (unique within the page). */
export const newUid = () => `d${++counter}`;

const amountText = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString('en-US'));

export function draftApprover(ref?: ApproverRef): DraftApprover {
  return {
    uid: newUid(),
    type: ref?.type ?? 'requester_department_role',
    role: ref && ref.type !== 'user' ? ref.role : ref ? '' : 'dept_approver',
    departmentCode: ref?.type === 'department_role' ? ref.departmentCode : '',
    email: ref?.type === 'user' ? ref.email : '',
  };
}

/** An approver still to be chosen: a role in a department, both left for the admin to pick. */
export const blankApprover = (): DraftApprover => ({
  uid: newUid(),
  type: 'department_role',
  role: '',
  departmentCode: '',
  email: '',
});

export function draftStep(kind: StepKind = 'approve', approvers?: ApproverRef[]): DraftStep {
  return { uid: newUid(), kind, approvers: approvers ? approvers.map(draftApprover) : [draftApprover()] };
}

export function draftRule(rule?: PolicyRule): DraftRule {
  const m = rule?.match ?? {};
  return {
    uid: newUid(),
    name: rule?.name ?? '',
    departments: m.departments ?? [],
    kinds: m.kinds ?? [],
    environments: m.environments ?? [],
    monthlyMin: amountText(m.monthlyKrw?.min),
    monthlyMax: amountText(m.monthlyKrw?.max),
    totalMin: amountText(m.totalKrw?.min),
    totalMax: amountText(m.totalKrw?.max),
    steps: rule ? rule.steps.map((s) => draftStep(s.kind, s.approvers)) : [draftStep()],
  };
}

export function draftFromPolicy(policy: Policy): Draft {
  return {
    name: policy.name,
    note: policy.note,
    rules: policy.rules.map(draftRule),
    settings: Object.fromEntries(
      settingKeys.map((key) => [key, amountText(policy.settings[key])]),
    ) as Draft['settings'],
  };
}

/** A typed whole number (commas and spaces allowed); anything else is NaN, which the schema refuses. */
export function parseAmount(text: string): number {
  const raw = text.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}
const optionalAmount = (text: string) => (text.trim() === '' ? undefined : parseAmount(text));

function range(minText: string, maxText: string) {
  const min = optionalAmount(minText);
  const max = optionalAmount(maxText);
  return min === undefined && max === undefined ? undefined : { min, max };
}

function approverInput(a: DraftApprover): ApproverRef {
  // an unchosen role travels as '' and is refused by the schema beside its field
  const role = a.role as Role;
  if (a.type === 'requester_department_role') return { type: a.type, role };
  if (a.type === 'department_role') return { type: a.type, role, departmentCode: a.departmentCode };
  return { type: 'user', email: a.email.trim() };
}

/** The draft as the action's input (the schema decides whether it is a policy). */
export function toPolicyInput(draft: Draft): PolicyInput {
  return {
    name: draft.name,
    note: draft.note,
    rules: draft.rules.map((rule) => ({
      name: rule.name,
      match: {
        ...(rule.departments.length ? { departments: rule.departments } : {}),
        ...(rule.kinds.length ? { kinds: rule.kinds } : {}),
        ...(rule.environments.length ? { environments: rule.environments } : {}),
        ...(range(rule.monthlyMin, rule.monthlyMax)
          ? { monthlyKrw: range(rule.monthlyMin, rule.monthlyMax) }
          : {}),
        ...(range(rule.totalMin, rule.totalMax) ? { totalKrw: range(rule.totalMin, rule.totalMax) } : {}),
      },
      steps: rule.steps.map((step) => ({ kind: step.kind, approvers: step.approvers.map(approverInput) })),
    })),
    settings: Object.fromEntries(
      settingKeys.map((key) => [key, parseAmount(draft.settings[key])]),
    ) as PolicySettings,
  };
}

/** The id of the control (or group) a field path names: 'rules.2.name' → 'pf-rules-2-name'. */
export const fieldId = (path: string) => `pf-${path.replace(/\./g, '-')}`;

/** Moves the item at `from` by `delta` places; a move past either end leaves the list as it was. */
export function move<T>(list: T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** What the rule and step fieldsets need from the editor: its errors and its ways to change the draft. */
export type EditorApi = {
  /** the (translated) errors of a field path, if any */
  errors: (path: string) => string[] | undefined;
  updateRule: (r: number, patch: Partial<DraftRule>) => void;
  moveRule: (r: number, delta: -1 | 1) => void;
  removeRule: (r: number) => void;
  addStep: (r: number) => void;
  updateStep: (r: number, s: number, patch: Partial<DraftStep>) => void;
  moveStep: (r: number, s: number, delta: -1 | 1) => void;
  removeStep: (r: number, s: number) => void;
  addApprover: (r: number, s: number) => void;
  updateApprover: (r: number, s: number, i: number, patch: Partial<DraftApprover>) => void;
  removeApprover: (r: number, s: number, i: number) => void;
};
