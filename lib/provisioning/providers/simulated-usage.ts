import { isWorkingDay } from '@/lib/calendar/working-hours';
import type { ProviderUsage } from './types';

// How the simulator's servers are busy: a city hall's office-hours curve in Asia/Seoul. A pure
// function of the object and the instant, with no state, so the same question always gets the same
// answer and a test can ask for any hour it likes.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEOUL_OFFSET_MS = 9 * HOUR_MS;

/** A simulated object as its usage depends on it. */
export type SimulatedObject = {
  id: string;
  /** what the object was given */
  footprint: { vcpu: number; ramGb: number; storageGb: number };
  createdAt: Date;
};

/** A number in [0, 1) from a string: FNV-1a, so one id always draws the same traits. */
function unit(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

const bell = (x: number, centre: number, width: number) => Math.exp(-(((x - centre) / width) ** 2) / 2);
const ramp = (x: number, from: number, to: number) => Math.min(1, Math.max(0, (x - from) / (to - from)));
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * CPU load in % of a typical busy server at a Seoul instant: low at night, the office day from 9
 * to 18 with peaks at 10–11 and 14–16 and a dip at lunch; weekends and public holidays stay low.
 */
export function officeHoursLoad(at: Date): number {
  const seoul = at.getTime() + SEOUL_OFFSET_MS;
  const hour = (((seoul % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  if (!isWorkingDay(at)) return 6 + 6 * bell(hour, 14, 3);
  const office = ramp(hour, 8, 9.5) * (1 - ramp(hour, 18, 20));
  return 6 + 24 * office + 32 * bell(hour, 10.5, 0.8) + 28 * bell(hour, 15, 1) - 10 * bell(hour, 12.5, 0.4);
}

/** The month-end bump (closing, settlements): the last three days of a Seoul month run 25 % hotter. */
export function monthEndFactor(at: Date): number {
  const seoul = new Date(at.getTime() + SEOUL_OFFSET_MS);
  const lastDay = new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth() + 1, 0)).getUTCDate();
  return seoul.getUTCDate() > lastDay - 3 ? 1.25 : 1;
}

/**
 * What a simulated object uses at `at`. Each object draws fixed traits from its id: about one in
 * seven is idle (a test server nobody uses), the others are 0.6–1.4 times as busy as the curve; RAM
 * in use stays at 50–85 % of what was given; disks start 20–40 % full and fill slowly, capped at 95 %.
 */
export function simulatedUsage(object: SimulatedObject, at: Date): ProviderUsage {
  const { vcpu, ramGb, storageGb } = object.footprint;
  const idle = unit(`${object.id}:idle`) < 0.15;
  const busyness = 0.6 + 0.8 * unit(`${object.id}:busy`);
  // a little noise that changes every five minutes, the same for everyone who asks in that window
  const noise = (unit(`${object.id}:${Math.floor(at.getTime() / 300_000)}`) - 0.5) * 6;
  const load = idle
    ? 1 + 2 * unit(`${object.id}:idle-load`)
    : busyness * officeHoursLoad(at) * monthEndFactor(at) + noise;
  const cpuPct = vcpu > 0 ? round1(Math.min(98, Math.max(0.5, load))) : 0;

  const ramShare = idle
    ? 0.5 + 0.05 * unit(`${object.id}:ram`)
    : 0.5 + 0.25 * unit(`${object.id}:ram`) + 0.1 * (cpuPct / 100);
  const days = Math.max(0, (at.getTime() - object.createdAt.getTime()) / DAY_MS);
  const diskShare = Math.min(
    0.95,
    0.2 + 0.2 * unit(`${object.id}:disk`) + days * 0.003 * unit(`${object.id}:growth`),
  );
  return {
    cpuPct,
    ramUsedGb: Math.min(ramGb, round1(ramGb * Math.min(0.85, ramShare))),
    storageUsedGb: Math.min(storageGb, round1(storageGb * diskShare)),
  };
}
