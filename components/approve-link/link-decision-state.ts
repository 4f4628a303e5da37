/** Why a link page shows no form: the link's state, or too many attempts from one address. */
export type LinkRefusal = 'used' | 'expired' | 'void' | 'invalid' | 'rateLimited';

/** What the email-link decision action answers (app/approve/[token]/actions.ts). */
export type LinkDecisionState =
  | { status: 'idle' }
  /** the form needs fixing (a reason to reject): nothing changed */
  | { status: 'invalid'; comment: string; fieldErrors: Record<string, string[]> }
  /** the link cannot decide: nothing changed */
  | { status: 'refused'; state: LinkRefusal; requestNumber?: string }
  | {
      status: 'decided';
      decision: 'approve' | 'reject';
      requestStatus: string;
      requestNumber: string;
      actingForName: string | null;
    }
  /** anything else, already in the user's language */
  | { status: 'error'; comment: string; message: string };
