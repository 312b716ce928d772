// Evidence of impact: merged pull requests and reviews, written as wins.
// Everything here is pure: parsing pull request URLs (pull-request-ref.ts),
// choosing the API for a host (api-target.ts), reading GitHub's REST answers
// (github-json.ts), suggesting an impact circle (circles.ts), and turning
// untrusted text from GitHub into one safe markdown line (win-line.ts).
// Linking pull requests as wins is planned in link-plan.ts and reported in
// link-report.ts, imported directly: they build on the journal's edits, which
// the many readers of this index (trees, review) do not need.

export * from './api-target';
export * from './circles';
export * from './github-json';
export * from './pull-request-ref';
export * from './win-line';
