import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { AppError } from '@/lib/errors/app-error';

/** A demo user as an actor, failing loudly when the seed lacks them. */
export async function demoActor(email: string): Promise<Actor> {
  const actor = await loadActor({ email }, 'session');
  if (!actor) throw new Error(`demo user ${email} is missing or inactive`);
  return actor;
}

/** The AppError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** A fresh address per test, so tests never collide with each other or with earlier runs. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@dcloud.example`;
}

/** Field errors of an AppError's details, or {} */
export function fieldErrorsOf(error: AppError): Record<string, string[]> {
  return (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
}
