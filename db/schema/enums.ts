import { pgEnum } from 'drizzle-orm/pg-core';

/** Roles a user can hold. senior_approver signs above the 전결 (delegated authority) threshold. */
export const roleEnum = pgEnum('role', [
  'requester',
  'dept_approver',
  'it_reviewer',
  'senior_approver',
  'planner',
  'admin',
]);

/** resize: a permanent change of an existing resource (a change request, not a catalogue item one picks) */
export const catalogKindEnum = pgEnum('catalog_kind', [
  'vm',
  'platform_slot',
  'volume',
  'scale_up',
  'resize',
]);
export const environmentEnum = pgEnum('environment', ['dev', 'staging', 'prod']);
export const drTierEnum = pgEnum('dr_tier', ['none', 'backup', 'replicated']);
export const poolSiteEnum = pgEnum('pool_site', ['primary', 'dr']);

export const requestStatusEnum = pgEnum('request_status', [
  'draft',
  'submitted',
  'in_approval',
  'approved',
  'provisioning',
  'active',
  'rejected',
  'cancelled',
  'failed',
]);

/** 검토 review · 협조 consultation · 결재 approval */
export const stepKindEnum = pgEnum('step_kind', ['review', 'consult', 'approve']);
export const stepStatusEnum = pgEnum('step_status', [
  'waiting',
  'pending',
  'approved',
  'rejected',
  'skipped',
]);

export const resourceStatusEnum = pgEnum('resource_status', [
  'provisioning',
  'active',
  /** a resize or a scale-up (or its revert) is under way in the cloud */
  'resizing',
  'failed',
  'decommissioning',
  'decommissioned',
]);

export const reservationPurposeEnum = pgEnum('reservation_purpose', ['primary', 'dr', 'change']);
export const reservationStatusEnum = pgEnum('reservation_status', ['held', 'released']);
