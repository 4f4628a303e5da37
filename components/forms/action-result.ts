/**
 * What a server action answers (app/_auth/authed-action.ts): its data, or a message and field
 * errors already in the user's language, keyed by field path ('spec.diskGb', 'purpose').
 */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** A server action as a client component receives it. */
export type Action<I, T extends object = object> = (input: I) => Promise<ActionResult<T>>;
