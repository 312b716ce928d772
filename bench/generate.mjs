// Synthetic journals for `npm run bench`: deterministic from a seed, shaped
// like a manager's journal after years of 1:1s (a dozen reports met weekly,
// a manager, a skip-level, mentors and peers; goals; feedback threads), with
// the oddities hand-edited markdown has: CRLF files, byte-order marks, no
// final newline, comments and unknown keys in front matter, code fences that
// contain headings and checkboxes, HTML comments, tabs, malformed front
// matter, a meeting folder without a person file.
//
// Exactly `files` markdown files are written (the journal's own files plus
// people, goals, feedback and meetings), under <dir>/one-on-ones/. Nothing
// here reads the clock or Math.random: same seed, same bytes (the corpus
// hash printed by `npm run bench` shows it).
//
//   node bench/generate.mjs --files 1000 [--seed 1] [--out DIR]
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bump when the generator's output changes: cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const benchDir = path.join(repoRoot, '.bench');

/** The fixed "today" of every corpus: meetings are dated relative to it, never to the clock. */
export const ANCHOR_DATE = '2026-12-01';

// ---------------------------------------------------------------------------
// randomness

/** mulberry32: small, fast, good enough for test data, identical everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** `n` distinct elements, in a random order. */
    some: (list, n) => {
      const copy = [...list];
      const out = [];
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
    /** Heavy-tailed count: mostly around `typical`, sometimes much more. */
    tail: (typical, max) =>
      Math.min(
        max,
        Math.max(0, Math.round(typical * Math.exp((next() - 0.5) * 1.6) + (next() < 0.06 ? typical * 3 * next() : 0))),
      ),
  };
  return r;
}

// ---------------------------------------------------------------------------
// vocabulary

const FIRST = [
  'Alex',
  'Priya',
  'Sam',
  'Jordan',
  'Mei',
  'Tomás',
  'Aisha',
  'Lukas',
  'Noor',
  'Diego',
  'Hana',
  'Oluwaseun',
  'Ines',
  'Kenji',
  'Fatima',
  'Mateo',
  'Sofia',
  'Arjun',
  'Chloé',
  'Björn',
  'Amara',
  'Ravi',
  'Zoë',
  'Yusuf',
  'Elena',
  'Chen',
  'Marta',
  'Kwame',
  'Leila',
  'Jonas',
];
const LAST = [
  'Kim',
  'Nair',
  'Lee',
  'Okafor',
  'Zhang',
  'García',
  'Rahman',
  'Schmidt',
  'Haddad',
  'Fernández',
  'Sato',
  'Adeyemi',
  'Costa',
  'Tanaka',
  'Malik',
  'Rossi',
  'Ünal',
  'Novak',
  'Dubois',
  'Lindqvist',
  'Mensah',
  'Iyer',
  'Müller',
  'Demir',
  'Petrova',
  'Wei',
  'Silva',
  'Boateng',
  'Farah',
  'Berg',
];
const TZ = [
  'Europe/Berlin',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Europe/Lisbon',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const THEMES = ['growth', 'feedback', 'alignment', 'win', 'blocker', 'question', 'team/process', 'other'];
const REPOS = ['acme/platform', 'acme/billing', 'acme/api', 'acme/web', 'acme/docs', 'acme/infra', 'acme/mobile'];
const CIRCLES = ['individual', 'collaboration', 'enabling'];

const AGENDA = [
  'Which roadmap items are at risk for next quarter?',
  'How did the incident review land with the team?',
  'What does "senior" look like on this team this half?',
  'Can we move the design review to Thursday?',
  'Feedback on how I ran the planning meeting',
  'Blocked on access to the staging cluster since Monday',
  'Should we split the on-call rotation?',
  'Promotion packet: what is missing?',
  'Conference talk proposal — worth it?',
  'Hiring loop: calibrate on the system design interview',
  'Tech debt budget for the payments migration',
  'How do I get more visibility for the infra work?',
  'Status of the `config-loader` rewrite',
  'Team health survey results',
  'Pairing with the new joiner — how is it going?',
  'Is the Q3 OKR on latency still realistic?',
  'Ownership of the flaky integration tests',
  'Mentoring: which stretch project next?',
  'Cross-team dependency on the identity service',
  'Budget for the observability vendor renewal',
  'Retro action items from the last sprint',
  'Can I lead the next architecture guild session?',
  'What should I stop doing?',
  'Writing the RFC for event sourcing in billing',
  'Release cadence: weekly trains or continuous?',
  'Sabbatical plans for next spring',
  'The migration to the new CI runners',
  'Skip-level feedback themes',
  'Career ladder: staff vs. manager track',
  'Who reviews the security checklist?',
];
const WINS = [
  'Shipped the config loader rewrite; p95 start-up down 40%',
  'Closed the last P1 from the pen test',
  'Onboarded two new engineers in one sprint',
  'Led the incident review; actions tracked to done',
  'Cut CI time from 22 to 9 minutes',
  'Wrote the runbook for the billing failover',
  'Mentored the intern through their first production change',
  'Migrated the search index without downtime',
  'Got buy-in for the API versioning RFC',
  'Reduced cloud spend by 18% on the batch cluster',
];
const PR_TITLES = [
  'Retry budget for the billing client',
  'Add the rate limiter',
  'Onboarding guide for the config service',
  'Drop the legacy session store',
  'Structured logging in the gateway',
  'Feature flags for the checkout flow',
  'Parallelise the test shards',
  'Fix the timezone bug in reminders',
];
const SENTENCES = [
  'We agreed to revisit this after the offsite.',
  'Alex suggested I lead the next design review.',
  'The team is stretched thin with two people on leave.',
  'Good progress on the migration, but the rollback plan is still vague.',
  'Talked about how to give feedback to a peer who keeps missing reviews.',
  'Need to write down the decision so the other team can see it.',
  'The new on-call schedule starts on the first of the month.',
  'I should ask for more context before estimating.',
  'Discussed the promotion timeline: next cycle is realistic if the RFC lands.',
  'Concerned about scope creep in the analytics project.',
  'We looked at the latency dashboard together; the p99 regression is from the cache change.',
  'Follow up with security about the token rotation.',
  'They want more written updates and fewer meetings.',
  'Career conversation: interested in the staff track, wants a cross-team project.',
  'Hiring freeze until the end of the quarter.',
  'Celebrate the launch at the all-hands.',
  'Feedback: the incident comms were clear and timely this time.',
  'The roadmap draft is in the shared folder; comments by Friday.',
  'Pair on the flaky test hunt next week.',
  'Energy seems low; check in about workload next time.',
];
const ACTIONS = [
  'share the promotion criteria doc',
  'send the rollout plan',
  'intro to the Payments tech lead',
  'write up the decision record',
  'book the design review room',
  'review the hiring rubric',
  'update the on-call runbook',
  'draft the quarterly goals',
  'ask security about token rotation',
  'read the observability RFC',
];
const CODE = [
  ['ts', ['while (attempt < max) {', '  await sleep(backoff(attempt++));', '}']],
  [
    'python',
    [
      'def retry(fn, attempts=3):',
      '    for i in range(attempts):',
      '        try:',
      '            return fn()',
      '        except TimeoutError:',
      '            continue',
    ],
  ],
  [
    'sql',
    ['SELECT team, count(*)', 'FROM incidents', "WHERE created_at > now() - interval '30 days'", 'GROUP BY team;'],
  ],
  ['yaml', ['---', 'replicas: 3', 'resources:', '  limits: { cpu: 500m }', '---']],
  // hand-pasted markdown inside a fence: none of it is structure
  [
    'markdown',
    ['## Agenda', '- [ ] not a real talking point', '## Action items', '- [ ] not a real action item', '---'],
  ],
  ['', ['$ kubectl get pods -n billing', 'billing-7f9c   1/1   Running   0   3d']],
];

// ---------------------------------------------------------------------------
// helpers

function slugify(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function tagsFor(r, extra = []) {
  const tags = [...extra];
  if (r.chance(0.7)) tags.push(r.pick(THEMES));
  if (r.chance(0.06)) tags.push('private');
  if (r.chance(0.04)) tags.push(`goal/${r.pick(['lead-a-design-review', 'learn-rust', 'grow-as-a-mentor'])}`);
  return tags.length ? ' ' + [...new Set(tags)].map((t) => `#${t}`).join(' ') : '';
}

function paragraph(r, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(r.pick(SENTENCES));
  return out.join(' ');
}

function fence(r) {
  const [lang, body] = r.pick(CODE);
  const marker = r.chance(0.15) ? '~~~' : '```';
  return [`${marker}${lang}`, ...body, marker];
}

function heading(r, canonical, variants) {
  if (r.chance(0.9)) return `## ${canonical}`;
  const v = r.pick(variants);
  return r.chance(0.5) ? `## ${v}` : r.chance(0.5) ? `### ${v}` : `## ${v.toUpperCase()}`;
}

// ---------------------------------------------------------------------------
// the journal's files

function personFile(r, p) {
  const fm = [`name: ${p.name}`, `role: ${p.role}`];
  if (p.cadence.startsWith('FREQ='))
    fm.push(`cadence: ${p.cadence}${r.chance(0.5) ? '   # from the calendar invite' : ''}`);
  else fm.push(`cadence: ${p.cadence}`, `weekday: ${p.weekday}`);
  fm.push(`time: "${p.time}"`, `duration: ${p.duration}`);
  if (r.chance(0.7)) fm.push(`timezone: ${r.pick(TZ)}`);
  if (r.chance(0.3)) fm.push('# met at the architecture guild; happy to review design docs');
  if (r.chance(0.2)) fm.push(`team: ${r.pick(['Platform', 'Payments', 'Identity', 'Growth'])}`);
  const body = [`# ${p.name}`, '', paragraph(r, r.int(1, 3))];
  if (r.chance(0.5))
    body.push(
      '',
      '## Context',
      '',
      `- Joined ${r.int(2015, 2025)}`,
      `- Working on ${r.pick(['billing', 'search', 'the gateway', 'mobile'])}`,
    );
  return ['---', ...fm, '---', '', ...body];
}

function meetingFile(r, p, date, status, carriedFrom) {
  // A few meetings were written without front matter, or with a broken one.
  const lines = [];
  const broken = r.chance(0.006);
  if (!r.chance(0.02)) {
    const fm = [];
    fm.push(r.chance(0.05) ? `date: "${date}"` : `date: ${date}`);
    fm.push(
      r.chance(0.08)
        ? `status: ${status}   # ${r.pick(['moved from Tuesday', 'short one', 'they were out sick'])}`
        : `status: ${status}`,
    );
    if (r.chance(0.05)) fm.push('# agenda shared in the channel the day before');
    if (r.chance(0.1)) fm.push(`attendees: [${p.slug}, me]`);
    if (r.chance(0.05)) fm.push(`location: ${r.pick(['Room 4.12', 'Zoom', 'walk outside'])}`);
    if (r.chance(0.04)) fm.push(`time: "${r.pick(['09:30', '14:00', '4:30pm'])}"`);
    if (broken) {
      const kind = r.int(0, 2);
      if (kind === 0)
        fm.push(`status: done`); // duplicate key
      else if (kind === 1) fm.push('tags: [unclosed, list');
      else fm.push('\tnotes: tab-indented');
    }
    lines.push('---', ...fm, r.chance(0.02) ? '...' : '---', '');
  }
  if (r.chance(0.04)) lines.push(`<!-- prep: ${r.pick(SENTENCES)} -->`, '');
  lines.push(`# 1:1 with ${p.name} — ${date}`, '');
  if (status === 'skipped' || status === 'cancelled') {
    lines.push(r.pick(['Skipped: public holiday.', 'Cancelled — they were at the offsite.', 'Moved to next week.']));
    return lines;
  }
  const planned = status === 'planned';
  // Agenda
  lines.push(heading(r, 'Agenda', ['Talking points', 'Topics', 'agenda']), '');
  const agenda = r.tail(4, 14);
  for (let i = 0; i < agenda; i++) {
    const checked = planned ? r.chance(0.05) : r.chance(0.8);
    lines.push(`- [${checked ? 'x' : ' '}] ${r.pick(AGENDA)}${tagsFor(r)}`);
    if (r.chance(0.08)) {
      lines.push(
        `  Source: [src/${r.pick(['net', 'billing', 'ui'])}/${r.pick(['retry', 'client', 'view'])}.ts:${r.int(1, 200)}-${r.int(201, 400)}](https://github.com/${r.pick(REPOS)}/blob/${r.int(0x1000000, 0xfffffff).toString(16)}/src/file.ts#L1-L9)`,
      );
      if (r.chance(0.6)) lines.push(...fence(r).map((l) => `  ${l}`));
      else lines.push(`  > ${r.pick(SENTENCES)}`);
    }
    if (carriedFrom && r.chance(0.15))
      lines.push(`  Carried from [${carriedFrom}](${carriedFrom}.md#carry-${r.int(100000, 999999).toString(36)})`);
    if (r.chance(0.1)) lines.push(`${r.chance(0.2) ? '\t' : '  '}- ${r.pick(SENTENCES)}`);
  }
  lines.push('');
  // Wins
  lines.push('## Wins', '');
  const wins = planned ? 0 : r.tail(1, 8);
  for (let i = 0; i < wins; i++) {
    if (r.chance(0.5)) {
      const repo = r.pick(REPOS);
      const n = r.int(10, 4000);
      const review = r.chance(0.3);
      const merged = addDays(date, -r.int(1, 10));
      lines.push(
        `- ${review ? `Review: ${r.pick(PR_TITLES)} by @${r.pick(['sam', 'mei', 'diego', 'noor'])}` : r.pick(PR_TITLES)} — [${repo}#${n}](https://github.com/${repo}/pull/${n}), ${review ? `reviewed ${merged}, ` : ''}merged ${merged}, +${r.int(1, 900)}/-${r.int(0, 400)} lines, ${r.int(1, 40)} files #win #impact/${r.pick(CIRCLES)}${r.chance(0.05) ? ' #enrich' : ''}`,
      );
    } else {
      lines.push(`- ${r.pick(WINS)} #win${r.chance(0.5) ? ` #impact/${r.pick(CIRCLES)}` : ''}`);
    }
  }
  if (wins > 0) lines.push('');
  // Notes (sometimes long: pasted minutes, logs)
  lines.push(heading(r, 'Notes', ['notes']), '');
  if (!planned) {
    const paras = r.tail(2, 12);
    for (let i = 0; i < paras; i++) {
      if (r.chance(0.25)) {
        for (let j = r.int(2, 6); j > 0; j--) lines.push(`- ${r.pick(SENTENCES)}`);
      } else {
        lines.push(paragraph(r, r.int(1, 5)) + (r.chance(0.05) ? '  ' : ''));
      }
      lines.push('');
    }
    if (r.chance(0.06)) lines.push(...fence(r), '');
    if (r.chance(0.025)) {
      // pasted minutes from a long meeting
      for (let j = r.int(60, 250); j > 0; j--) lines.push(`- ${r.pick(SENTENCES)} ${r.pick(SENTENCES)}`);
      lines.push('');
    }
  }
  // Action items
  lines.push(heading(r, 'Action items', ['Next steps', 'Todo', 'Action points']), '');
  const actions = planned ? r.int(0, 2) : r.tail(2, 8);
  for (let i = 0; i < actions; i++) {
    const who = r.chance(0.5) ? 'Me' : p.name.split(' ')[0];
    const due = r.chance(0.3) ? ` (due ${addDays(date, r.int(3, 21))})` : '';
    lines.push(`- [${!planned && r.chance(0.55) ? 'x' : ' '}] ${who}: ${r.pick(ACTIONS)}${due}`);
    if (carriedFrom && r.chance(0.2))
      lines.push(`  Carried from [${carriedFrom}](${carriedFrom}.md#carry-${r.int(100000, 999999).toString(36)})`);
  }
  lines.push('');
  if (r.chance(0.5)) {
    lines.push(heading(r, 'Private', ['private']), '');
    if (!planned) lines.push(paragraph(r, r.int(1, 3)));
  }
  return lines;
}

function goalFile(r, title, status) {
  const created = addDays(ANCHOR_DATE, -r.int(30, 2500));
  const lines = [
    '---',
    `title: ${title.includes(':') ? JSON.stringify(title) : title}`,
    `status: ${status}`,
    `target: ${addDays(created, r.int(60, 400))}`,
    `circle: ${r.pick(CIRCLES)}`,
    `created: ${created}`,
  ];
  if (r.chance(0.1)) lines.push('# reviewed with my manager in the last cycle');
  lines.push('---', '', `# ${title}`, '', '## Why it matters', '', paragraph(r, r.int(1, 4)), '', '## Progress', '');
  for (let i = r.tail(3, 20); i > 0; i--) lines.push(`- ${addDays(created, r.int(1, 600))}: ${r.pick(SENTENCES)}`);
  return lines;
}

function feedbackFile(r, title, from, status) {
  const received = addDays(ANCHOR_DATE, -r.int(10, 2500));
  const lines = ['---', `title: ${title}`, `from: ${from}`, `status: ${status}`, `received: ${received}`];
  if (status !== 'closed' && r.chance(0.8)) lines.push(`circleBack: ${addDays(received, r.int(14, 60))}`);
  lines.push(
    '---',
    '',
    `# ${title}`,
    '',
    '## What I heard',
    '',
    paragraph(r, r.int(1, 4)),
    '',
    '## What I am trying',
    '',
    paragraph(r, r.int(1, 3)),
    '',
    '## Circle back',
    '',
  );
  if (status === 'circled-back' || status === 'closed') lines.push(paragraph(r, r.int(1, 2)));
  return lines;
}

const README = ['# 1:1 journal', '', 'One-on-ones, goals and feedback, as plain markdown. See docs/format.md.'];
const TEMPLATE = [
  '---',
  'date: {{date}}',
  'status: planned',
  '---',
  '',
  '# 1:1 with {{person}} — {{date}}',
  '',
  '## Agenda',
  '',
  '## Wins',
  '',
  '## Notes',
  '',
  '## Action items',
  '',
  '## Private',
  '',
];
const QUESTIONS = [
  '## Growth',
  '',
  '- What would make my next promo case obvious?',
  '',
  '## Feedback',
  '',
  '- What is one thing I should do differently? #feedback',
  '',
];

// ---------------------------------------------------------------------------
// the corpus

/**
 * Builds the journal in memory: [relativePath, bytes][] in a stable order,
 * exactly `files` of them markdown (paths relative to the workspace folder).
 */
export function buildJournal(files, seed = 1) {
  if (!Number.isInteger(files) || files < 20) throw new Error(`files must be an integer >= 20, got ${files}`);
  const r = rng(seed * 7919 + files);
  const out = [];
  const oddities = { crlf: 0, bom: 0, noFinalNewline: 0, mixedEol: 0 };
  const emit = (rel, lines) => {
    const crlf = r.chance(0.12);
    let text = lines.join(crlf ? '\r\n' : '\n');
    if (r.chance(0.92)) text += crlf ? '\r\n' : '\n';
    else oddities.noFinalNewline++;
    if (!crlf && r.chance(0.005) && text.includes('\n\n')) {
      text = text.replace('\n\n', '\r\n\r\n'); // a block pasted from Windows
      oddities.mixedEol++;
    }
    if (crlf) oddities.crlf++;
    const bom = r.chance(0.03);
    if (bom) oddities.bom++;
    out.push([
      `one-on-ones/${rel}`,
      Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]),
    ]);
  };

  emit('README.md', README);
  emit('templates/meeting.md', TEMPLATE);
  emit('questions.md', QUESTIONS);

  const peopleCount = Math.min(40, 3 + Math.round(files / 500));
  const goals = Math.max(2, Math.round(files * 0.02));
  const feedback = Math.max(2, Math.round(files * 0.015));
  const meetings = files - 3 - peopleCount - goals - feedback;

  // People: one manager, one skip-level, mentors and peers, the rest reports.
  const used = new Set();
  const people = [];
  for (let i = 0; i < peopleCount; i++) {
    let name;
    do name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    while (used.has(slugify(name)));
    used.add(slugify(name));
    const role =
      i === 0 ? 'manager' : i === 1 ? 'skip-level' : i % 7 === 2 ? 'mentor' : i % 5 === 3 ? 'peer' : 'report';
    const cadence =
      role === 'report' || role === 'manager'
        ? r.chance(0.85)
          ? 'weekly'
          : 'biweekly'
        : role === 'skip-level'
          ? 'monthly'
          : r.pick(['monthly', 'biweekly', 'FREQ=MONTHLY;BYDAY=1TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU']);
    const weight = cadence === 'weekly' ? 4 : cadence === 'biweekly' || cadence.includes('INTERVAL=2') ? 2 : 1;
    people.push({
      name,
      slug: slugify(name),
      role,
      cadence,
      weekday: r.pick(WEEKDAYS),
      time: r.pick(['09:30', '10:00', '14:00', '16:30', '2:30pm']),
      duration: r.pick([25, 30, 45, 60]),
      weight,
    });
  }
  // The last person has a meeting folder but no person file (it happens). Give
  // their slot to the person files of everyone else.
  const withFile = people.slice(0, -1);
  for (const p of withFile) emit(`people/${p.slug}.md`, personFile(r, p));
  let meetingBudget = meetings + 1; // the missing person file's slot goes to a meeting

  // Meetings: split by cadence weight, dated back from the anchor.
  const totalWeight = people.reduce((s, p) => s + p.weight, 0);
  const counts = people.map((p) => Math.floor((meetingBudget * p.weight) / totalWeight));
  for (let i = 0; counts.reduce((s, c) => s + c, 0) < meetingBudget; i = (i + 1) % counts.length) counts[i]++;
  people.forEach((p, i) => {
    const step = p.cadence === 'weekly' ? 7 : p.cadence === 'biweekly' || p.cadence.includes('INTERVAL=2') ? 14 : 28;
    // the newest one is planned, in the future; the rest are history
    const dates = [];
    let date = addDays(ANCHOR_DATE, r.int(1, step));
    for (let k = 0; k < counts[i]; k++) {
      // two meetings on one day now and then: the second gets a suffix
      const suffix = k > 0 && !dates[k - 1].endsWith('-afternoon') && r.chance(0.004) ? '-afternoon' : '';
      dates.push(date + suffix);
      if (!suffix) date = addDays(date, -step + (r.chance(0.1) ? r.int(-2, 2) : 0));
    }
    dates.forEach((name, k) => {
      const d = name.slice(0, 10);
      const status =
        k === 0
          ? 'planned'
          : r.chance(0.04)
            ? 'skipped'
            : r.chance(0.02)
              ? 'cancelled'
              : r.chance(0.03)
                ? 'planned'
                : 'done';
      emit(`meetings/${p.slug}/${name}.md`, meetingFile(r, p, d, status, dates[k + 1]?.slice(0, 10)));
      meetingBudget--;
    });
  });

  const goalStatuses = ['active', 'active', 'achieved', 'dropped'];
  for (let i = 0; i < goals; i++) {
    const title = `${r.pick(['Lead', 'Ship', 'Learn', 'Grow', 'Own', 'Improve'])} ${r.pick(['a design review', 'the billing migration', 'Rust', 'as a mentor', 'the on-call process', 'incident comms', 'the API: v2'])} ${i + 1}`;
    emit(`goals/${slugify(title)}.md`, goalFile(r, title, r.pick(goalStatuses)));
  }
  const fbStatuses = ['received', 'trying', 'circled-back', 'closed'];
  for (let i = 0; i < feedback; i++) {
    const title = `${r.pick(['Incident updates were too sparse', 'Great facilitation in the retro', 'Design docs need a summary', 'Too many meetings on Fridays', 'Code reviews are slow'])} ${i + 1}`;
    emit(`feedback/${slugify(title)}.md`, feedbackFile(r, title, r.pick(people).name, r.pick(fbStatuses)));
  }
  // Not journal files: listed past by every reader.
  out.push(['one-on-ones/.obsidian/workspace.json', Buffer.from('{"main":{}}\n')]);
  out.push([
    'one-on-ones/meetings/whiteboard.png',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  ]);

  const md = out.filter(([p]) => p.endsWith('.md') && !p.includes('/.')).length;
  if (md !== files) throw new Error(`generator bug: ${md} markdown files instead of ${files}`);
  return { files: out, people: people.length, oddities };
}

export function hashJournal(files) {
  const h = createHash('sha256');
  for (const [p, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    h.update(p).update('\0').update(bytes).update('\0');
  }
  return h.digest('hex');
}

/**
 * The workspace folder holding a journal of `files` markdown files for
 * `seed`, generated once into .bench/journals/ and reused while the
 * generator version and content hash match.
 * @returns {{ dir: string, journal: string, hash: string, bytes: number, files: number, people: number, oddities: object, generated: boolean }}
 */
export function ensureJournal(files, seed = 1, root = path.join(benchDir, 'journals')) {
  const dir = path.join(root, `seed${seed}-${files}`);
  const marker = path.join(dir, '.complete.json');
  try {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (info.version === GENERATOR_VERSION && info.files === files && info.seed === seed)
      return { ...info, dir, journal: path.join(dir, 'one-on-ones'), generated: false };
  } catch {
    // not there yet, or from another version: generate
  }
  const built = buildJournal(files, seed);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, bytes] of built.files) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, bytes);
  }
  const info = {
    version: GENERATOR_VERSION,
    seed,
    files,
    people: built.people,
    bytes: built.files.reduce((s, [, b]) => s + b.length, 0),
    hash: hashJournal(built.files),
    oddities: built.oddities,
  };
  fs.writeFileSync(marker, JSON.stringify(info, null, 2) + '\n');
  return { ...info, dir, journal: path.join(dir, 'one-on-ones'), generated: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const files = Number(arg('files', '1000'));
  const seed = Number(arg('seed', '1'));
  const out = arg('out', undefined);
  const info = ensureJournal(files, seed, out ? path.resolve(out) : undefined);
  console.log(JSON.stringify({ ...info, generated: info.generated }, null, 2));
}
