// The rrule library as the core uses it (core/rrule.ts), built as a bundle of
// its own, dist/rrule.js (scripts/build.mjs), that the host loads the first
// time a cadence is an RRULE (host/libraries.ts).

export { RRule, RRuleSet, rrulestr } from 'rrule';
