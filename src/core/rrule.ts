// The rrule library, handed in (on-demand.ts). It is 44 KB of the
// extension's code, and only a person whose cadence is written as an RRULE
// (FREQ=…; an imported calendar invite writes one) needs it: weekly,
// biweekly and monthly are computed without it.

import type { RRule, RRuleSet, rrulestr } from 'rrule';
import { installLibrary, libraryFailed, libraryFailure, requireLibrary } from './on-demand';

/** The part of rrule the core uses (src/core/rrule-library.ts is the bundle that provides it). */
export interface RRuleLibrary {
  RRule: typeof RRule;
  RRuleSet: typeof RRuleSet;
  rrulestr: typeof rrulestr;
}

export function installRRule(library: RRuleLibrary | undefined): void {
  installLibrary('rrule', library);
}

/** rrule, or undefined (noted as wanted unless its load failed). */
export function requireRRule(): RRuleLibrary | undefined {
  return requireLibrary<RRuleLibrary>('rrule');
}

export function rruleFailed(message: string | undefined): void {
  libraryFailed('rrule', message);
}

export function rruleFailure(): string | undefined {
  return libraryFailure('rrule');
}
