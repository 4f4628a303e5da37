/**
 * The mails the portal sends, and the data each needs. Rendering (Korean first; HTML and text parts)
 * lives in lib/notify/render-mail.ts.
 */
export type RequestSummary = {
  requestId: string;
  number: string;
  itemName: string;
  systemName: string;
  departmentName: string;
  requesterName: string;
  purpose: string;
  environment: 'dev' | 'staging' | 'prod';
  estimateMonthlyKrw: number;
  /** link to the request page in the portal */
  requestUrl: string;
};

export type MailTemplates = {
  /** a step awaits the recipient: summary and an email approval link */
  'step-pending': RequestSummary & {
    stepKind: 'review' | 'consult' | 'approve';
    approveUrl: string;
    expiresAt: string;
    /** set when the recipient is a substitute (대결) acting for this approver */
    actingForName?: string;
  };
  /** the step still awaits the recipient after the reminder period (working hours) */
  'step-reminder': RequestSummary & {
    stepKind: 'review' | 'consult' | 'approve';
    waitingHours: number;
    approveUrl: string;
  };
  /** the step is overdue: sent to the approvers and to admins, who can reassign it */
  'step-escalated': RequestSummary & {
    stepKind: 'review' | 'consult' | 'approve';
    waitingHours: number;
    approverNames: string;
  };
  'request-approved': RequestSummary;
  'request-rejected': RequestSummary & { reason: string; rejectedBy: string };
  'resource-active': RequestSummary & { resourceName: string; resourceUrl: string };
  'resource-failed': RequestSummary & { reason: string };
  /** 반납 완료: the resource was deleted from the cloud (rendered by the generic branch) */
  'resource-decommissioned': RequestSummary & { resourceName: string; resourceUrl: string };
  /** the lease of a resource ends soon (14 and 3 days ahead): extend it, or it is handed back after the grace period */
  'lease-expiring': RequestSummary & {
    resourceName: string;
    resourceUrl: string;
    leaseUntil: string;
    daysLeft: number;
    /** the day it is handed back if the lease is not extended */
    reclaimOn: string;
  };
};

export type MailTemplate = keyof MailTemplates;

export type RenderedMail = { subject: string; text: string; html: string };
