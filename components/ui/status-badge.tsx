import { useTranslations } from 'next-intl';

type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'danger' | 'warning';

const requestTone: Record<string, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  in_approval: 'info',
  approved: 'success',
  provisioning: 'progress',
  active: 'success',
  rejected: 'danger',
  cancelled: 'neutral',
  failed: 'danger',
};

const resourceTone: Record<string, Tone> = {
  provisioning: 'progress',
  active: 'success',
  resizing: 'progress',
  failed: 'danger',
  decommissioning: 'progress',
  decommissioned: 'neutral',
};

const stepTone: Record<string, Tone> = {
  waiting: 'neutral',
  pending: 'info',
  approved: 'success',
  rejected: 'danger',
  skipped: 'neutral',
};

function Badge({ tone, label, large }: { tone: Tone; label: string; large?: boolean }) {
  return <span className={`badge badge--${tone}${large ? ' badge--lg' : ''}`}>{label}</span>;
}

/** A request's status as text with a shape (never colour alone). */
export function RequestStatusBadge({ status, large }: { status: string; large?: boolean }) {
  const t = useTranslations('enums.requestStatus');
  return <Badge tone={requestTone[status] ?? 'neutral'} label={t(status)} large={large} />;
}

export function ResourceStatusBadge({ status, large }: { status: string; large?: boolean }) {
  const t = useTranslations('enums.resourceStatus');
  return <Badge tone={resourceTone[status] ?? 'neutral'} label={t(status)} large={large} />;
}

export function StepStatusBadge({ status }: { status: string }) {
  const t = useTranslations('enums.stepStatus');
  return <Badge tone={stepTone[status] ?? 'neutral'} label={t(status)} />;
}
