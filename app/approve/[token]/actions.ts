'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import type { LinkDecisionState } from '@/components/approve-link/link-decision-state';
import { enforceRateLimit } from '@/lib/api/rate-limit';
import { decideByLink } from '@/lib/approvals/decide-by-link';
import { decisionInput } from '@/lib/approvals/decide-step';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { toLocale } from '@/lib/i18n/config';
import { errorMessage, fieldErrorMessages, toAppError } from '@/lib/i18n/translate-error';
import { linkRateLimits, requestIp } from './request-ip';

// a token that is not even a string is answered like any unknown one: an invalid link
const linkDecisionForm = z.object({ token: z.string().catch('') }).and(decisionInput);

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

// POST /approve/<token> — 결재 by email link: no session; the link authenticates this one decision
export async function decideByLinkAction(
  _previous: LinkDecisionState,
  formData: FormData,
): Promise<LinkDecisionState> {
  const locale = toLocale(await getLocale());
  const ip = await requestIp();
  const comment = field(formData, 'comment') ?? '';
  try {
    await enforceRateLimit(`approve-link:decide:${ip}`, linkRateLimits.decide(), 60);
    const parsed = linkDecisionForm.safeParse({
      token: field(formData, 'token'),
      decision: field(formData, 'decision'),
      comment: comment.trim() || undefined,
    });
    if (!parsed.success) {
      return {
        status: 'invalid',
        comment,
        fieldErrors: fieldErrorMessages(locale, zodDetails(parsed.error).fieldErrors),
      };
    }
    const result = await decideByLink({ ...parsed.data, ip });
    if (!result.ok) return { status: 'refused', state: result.state, requestNumber: result.request?.number };
    return {
      status: 'decided',
      decision: result.decision,
      requestStatus: result.requestStatus,
      requestNumber: result.request.number,
      actingForName: result.actingFor?.name ?? null,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited')
      return { status: 'refused', state: 'rateLimited' };
    return { status: 'error', comment, message: errorMessage(locale, toAppError(error, 'approve-link')) };
  }
}
