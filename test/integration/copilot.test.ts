// The journal in Copilot Chat, in a real VS Code: every language-model tool
// through vscode.lm.invokeTool (good input, bad input, what a write does to
// the file), and the @1on1 participant's handler with a recording response
// stream. Nothing from a Private section, #private or an HTML comment may
// appear in anything a tool or the participant hands to a model.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, isoDaysFromToday, journalUri, readText, waitFor, writeText } from './helpers';

const SLUG = 'morgan-lee';
const NAME = 'Morgan Lee';
const LAST = isoDaysFromToday(-7);
const NEXT = isoDaysFromToday(7);
const SECRETS = ['SECRET-SECTION', 'SECRET-ITEM', 'SECRET-COMMENT', 'SECRET-FRONT', 'SECRET-LINE'];

const LAST_MEETING = [
  '---',
  `date: ${LAST}`,
  'status: done',
  'aside: SECRET-FRONT',
  '---',
  '',
  '## Agenda',
  '',
  '- [x] Decided: the on-call rotation moves to two weeks #alignment',
  '- [ ] Conference budget #growth',
  '- [ ] Ask about SECRET-ITEM #private',
  '',
  '## Wins',
  '',
  '- Shipped the search facets #win #impact/individual',
  '',
  '## Notes',
  '',
  'We agreed the rotation starts in January. <!-- SECRET-COMMENT -->',
  '',
  'Felt SECRET-LINE about it #private',
  '',
  '## Action items',
  '',
  '- [ ] Me: write the rotation doc (due 2026-01-05)',
  `- [ ] ${NAME}: share the hiring plan`,
  '',
  '## Private',
  '',
  'SECRET-SECTION: thinking about leaving',
  '',
].join('\r\n');

const NEXT_MEETING = ['---', `date: ${NEXT}`, 'status: planned', '---', '', '## Agenda', '', '## Notes', ''].join(
  '\r\n',
);

interface Recorded {
  markdown: string;
  references: string[];
  buttons: { command: string; title: string; arguments?: unknown[] }[];
  progress: string[];
}

function recorder(): { stream: vscode.ChatResponseStream; seen: Recorded } {
  const seen: Recorded = { markdown: '', references: [], buttons: [], progress: [] };
  const stream = {
    markdown: (value: string | vscode.MarkdownString) => {
      seen.markdown += typeof value === 'string' ? value : value.value;
    },
    reference: (value: vscode.Uri | vscode.Location) => {
      seen.references.push(value instanceof vscode.Uri ? value.toString() : value.uri.toString());
    },
    button: (command: vscode.Command) => {
      seen.buttons.push({ command: command.command, title: command.title, arguments: command.arguments });
    },
    progress: (value: string) => seen.progress.push(value),
    anchor: () => undefined,
    filetree: () => undefined,
    push: () => undefined,
  };
  return { stream: stream as unknown as vscode.ChatResponseStream, seen };
}

function request(prompt: string, command?: string, model?: unknown): vscode.ChatRequest {
  return {
    prompt,
    command,
    references: [],
    toolReferences: [],
    toolInvocationToken: undefined,
    model,
  } as unknown as vscode.ChatRequest;
}

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

async function rejects(name: string, input: object, message: RegExp): Promise<void> {
  await assert.rejects(
    () => invoke(name, input),
    (err: Error) => {
      assert.match(err.message, message);
      return true;
    },
  );
}

function assertNoSecret(text: string, what: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${s} reached ${what}:\n${text}`);
}

describe('copilot: language-model tools and @1on1', () => {
  before(async function () {
    this.timeout(30_000);
    const { services } = await api();
    await writeText(journalUri('people', `${SLUG}.md`), `---\nname: ${NAME}\nrole: manager\ncadence: weekly\n---\n`);
    await writeText(journalUri('meetings', SLUG, `${LAST}.md`), LAST_MEETING);
    await writeText(journalUri('meetings', SLUG, `${NEXT}.md`), NEXT_MEETING);
    await waitFor(
      () => services.store.index.meetingsOf(SLUG).length === 2 && services.store.index.findPerson(SLUG),
      'the test journal to be read',
    );
  });

  after(async () => {
    await closeAllEditors();
    for (const date of [LAST, NEXT])
      await vscode.workspace.fs.delete(journalUri('meetings', SLUG, `${date}.md`)).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(journalUri('people', `${SLUG}.md`)).then(undefined, () => undefined);
  });

  it('loads nothing of its answers at activation: dist/copilot.js waits for the first tool call', async () => {
    const { copilot } = await api();
    assert.strictEqual(copilot.answersLoaded(), false);
    await invoke('oneOnOne_openItems', {});
    assert.strictEqual(copilot.answersLoaded(), true);
  });

  it('contributes five tools with input schemas, registered with VS Code', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('oneOnOne_'));
    assert.deepStrictEqual(ours.map((t) => t.name).sort(), [
      'oneOnOne_addTalkingPoint',
      'oneOnOne_logWin',
      'oneOnOne_openItems',
      'oneOnOne_prepSheet',
      'oneOnOne_searchJournal',
    ]);
    for (const tool of ours) {
      assert.ok(tool.description.length > 80, `${tool.name} has a model description`);
      assert.strictEqual((tool.inputSchema as { type?: string } | undefined)?.type, 'object', tool.name);
    }
  });

  it("oneOnOne_prepSheet: the next meeting's sheet with its open items, by display name or slug, nothing private", async () => {
    const sheet = await invoke('oneOnOne_prepSheet', { person: NAME });
    assert.ok(sheet.startsWith(`# Prep: 1:1 with ${NAME}`), sheet);
    assert.ok(sheet.includes('- [ ] Me: write the rotation doc (due 2026-01-05)'), sheet);
    assert.ok(sheet.includes(`- [ ] ${NAME}: share the hiring plan`), sheet);
    assert.ok(sheet.includes('Not discussed on') && sheet.includes('- [ ] Conference budget #growth'), sheet);
    assertNoSecret(sheet, 'the prep sheet');
    assert.strictEqual(await invoke('oneOnOne_prepSheet', { person: SLUG }), sheet);
    await rejects(
      'oneOnOne_prepSheet',
      { person: 'Nobody Here' },
      /no one called "Nobody Here".*Morgan Lee \(morgan-lee\)/,
    );
  });

  it('oneOnOne_openItems, oneOnOne_searchJournal: filtered, with due dates, nothing private', async () => {
    const mine = await invoke('oneOnOne_openItems', { person: 'morgan', owner: 'me' });
    assert.ok(mine.includes('Me: write the rotation doc (due 2026-01-05)'), mine);
    assert.ok(!mine.includes('share the hiring plan'), mine);
    const theirs = await invoke('oneOnOne_openItems', { person: NAME, owner: 'them' });
    assert.ok(theirs.includes('share the hiring plan') && !theirs.includes('rotation doc'), theirs);
    await rejects('oneOnOne_openItems', { owner: 'everyone' }, /"owner" must be "me" or "them"/);
    const found = await invoke('oneOnOne_searchJournal', { query: 'rotation', person: NAME });
    assert.ok(found.includes('Decided: the on-call rotation moves to two weeks'), found);
    const secret = await invoke('oneOnOne_searchJournal', { query: 'SECRET' });
    assert.ok(secret.includes('Nothing in the journal matches.'), secret);
    for (const text of [mine, theirs, found, secret]) assertNoSecret(text, 'a tool result');
    await rejects('oneOnOne_searchJournal', { query: '' }, /Give a "query"/);
  });

  it('oneOnOne_addTalkingPoint: the same edit as the command, byte-safe (CRLF kept), asks first naming the person and the meeting', async () => {
    const { copilot } = await api();
    const prepared = await copilot.tools.get('oneOnOne_addTalkingPoint')!.prepareInvocation!(
      // By first name, as invoke() resolves it: the dialog names the person and the meeting it writes to.
      { input: { person: 'Morgan', text: 'Raise the rotation' } },
      new vscode.CancellationTokenSource().token,
    );
    const message = prepared?.confirmationMessages?.message;
    assert.strictEqual(
      typeof message === 'string' ? message : message?.value,
      `Add “Raise the rotation” to the agenda of your 1:1 with ${NAME} on ${NEXT}?`,
    );
    const uri = journalUri('meetings', SLUG, `${NEXT}.md`);
    const before = await readText(uri);
    const result = await invoke('oneOnOne_addTalkingPoint', {
      person: 'Morgan',
      text: 'Raise the rotation',
      theme: 'alignment',
    });
    assert.strictEqual(
      result,
      `Added “Raise the rotation” to the agenda of the 1:1 with ${NAME} on ${NEXT} (meetings/${SLUG}/${NEXT}.md).`,
    );
    assert.strictEqual(
      await readText(uri),
      before.replace('## Agenda\r\n\r\n', '## Agenda\r\n\r\n- [ ] Raise the rotation #alignment\r\n\r\n'),
    );
    await rejects('oneOnOne_addTalkingPoint', { person: NAME, text: '   ' }, /"text" is required/);
    await rejects('oneOnOne_addTalkingPoint', { person: 'Nobody', text: 'x' }, /no one called "Nobody"/);
    await rejects('oneOnOne_addTalkingPoint', { person: NAME, text: 'x', theme: 'gossip' }, /"theme" must be one of/);
    assert.strictEqual(
      await readText(uri),
      before.replace('## Agenda\r\n\r\n', '## Agenda\r\n\r\n- [ ] Raise the rotation #alignment\r\n\r\n'),
      'bad input wrote nothing',
    );
  });

  it('oneOnOne_logWin refuses what is not a pull request and writes nothing; the setting turns every tool off', async () => {
    const uri = journalUri('meetings', SLUG, `${NEXT}.md`);
    const before = await readText(uri);
    await rejects(
      'oneOnOne_logWin',
      { person: NAME, url: 'https://example.com/x', circle: 'individual' },
      /Nothing was linked/,
    );
    await rejects('oneOnOne_logWin', { person: NAME, url: 'acme/app#1', circle: 'heroic' }, /"circle" must be one of/);
    assert.strictEqual(await readText(uri), before);
    const config = vscode.workspace.getConfiguration('oneOnOne');
    await config.update('languageModelTools', false, vscode.ConfigurationTarget.Global);
    try {
      await rejects('oneOnOne_prepSheet', { person: NAME }, /turned off/);
      await rejects('oneOnOne_addTalkingPoint', { person: NAME, text: 'x' }, /turned off/);
      const { copilot } = await api();
      const { stream, seen } = recorder();
      await copilot.handler(
        request('Morgan', 'prep'),
        { history: [] },
        stream,
        new vscode.CancellationTokenSource().token,
      );
      assert.match(seen.markdown, /turned off/);
    } finally {
      await config.update('languageModelTools', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual(await readText(uri), before);
  });

  it('in an untrusted workspace the writing tools refuse and write nothing; the reading ones still answer', async () => {
    const uri = journalUri('meetings', SLUG, `${NEXT}.md`);
    const before = await readText(uri);
    const original = Object.getOwnPropertyDescriptor(vscode.workspace, 'isTrusted');
    assert.ok(original?.configurable, 'workspace.isTrusted can be replaced');
    Object.defineProperty(vscode.workspace, 'isTrusted', { configurable: true, get: () => false });
    try {
      await rejects('oneOnOne_addTalkingPoint', { person: NAME, text: 'Sneaky' }, /not trusted/);
      await rejects('oneOnOne_logWin', { person: NAME, url: 'acme/app#1', circle: 'individual' }, /not trusted/);
      assert.ok((await invoke('oneOnOne_prepSheet', { person: NAME })).startsWith(`# Prep: 1:1 with ${NAME}`));
    } finally {
      Object.defineProperty(vscode.workspace, 'isTrusted', original!);
    }
    assert.strictEqual(await readText(uri), before);
  });

  it('@1on1 /prep, /open, /wins and /review answer from the journal with references and buttons', async () => {
    const { copilot } = await api();
    const token = new vscode.CancellationTokenSource().token;
    const ask = async (prompt: string, command: string): Promise<Recorded> => {
      const { stream, seen } = recorder();
      const result = await copilot.handler(request(prompt, command), { history: [] }, stream, token);
      assert.deepStrictEqual((result as vscode.ChatResult | undefined)?.metadata, { command });
      assertNoSecret(seen.markdown, `/${command}`);
      return seen;
    };
    const lastUri = journalUri('meetings', SLUG, `${LAST}.md`).toString();
    const prep = await ask('my 1:1 with Morgan', 'prep');
    assert.ok(prep.markdown.startsWith(`# Prep: 1:1 with ${NAME}`), prep.markdown);
    assert.ok(prep.references.includes(lastUri), prep.references.join('\n'));
    assert.deepStrictEqual(
      prep.buttons.map((b) => [b.command, b.arguments]),
      [
        ['oneOnOne.openNextAgenda', [{ person: SLUG }]],
        ['oneOnOne.openPrepSheet', [{ person: SLUG, date: NEXT }]],
      ],
    );
    const open = await ask('Morgan', 'open');
    assert.ok(open.markdown.includes('write the rotation doc'), open.markdown);
    assert.deepStrictEqual(
      open.buttons.map((b) => b.command),
      ['oneOnOne.openItems.focus'],
    );
    const wins = await ask('wins with morgan-lee', 'wins');
    assert.ok(wins.markdown.includes('Shipped the search facets'), wins.markdown);
    assert.deepStrictEqual(
      wins.buttons.map((b) => b.command),
      ['oneOnOne.linkPullRequest'],
    );
    const review = await ask('Morgan Lee', 'review');
    assert.ok(review.markdown.includes('Shipped the search facets'), review.markdown);
    assert.deepStrictEqual(
      review.buttons.map((b) => b.command),
      ['oneOnOne.generateReview'],
    );
  });

  it('@1on1 free questions: the chat model gets only shareable text and the question, and the answer cites the meetings; with no model it says so', async () => {
    const { copilot } = await api();
    const token = new vscode.CancellationTokenSource().token;
    const sent: string[] = [];
    const model = {
      id: 'test-model',
      async sendRequest(messages: vscode.LanguageModelChatMessage[]) {
        for (const m of messages)
          sent.push(m.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join(''));
        return {
          text: (async function* () {
            yield 'It moves to two weeks ';
            yield '[1].';
          })(),
        };
      },
    };
    const { stream, seen } = recorder();
    await copilot.handler(
      request('what did Morgan and I decide about the on-call rotation?', undefined, model),
      { history: [] },
      stream,
      token,
    );
    assert.strictEqual(seen.markdown, 'It moves to two weeks [1].');
    assert.strictEqual(sent.length, 2);
    assert.ok(sent[0]!.includes('Decided: the on-call rotation moves to two weeks'), sent[0]);
    assert.ok(sent[0]!.includes('We agreed the rotation starts in January.'), sent[0]);
    assert.strictEqual(sent[1], 'what did Morgan and I decide about the on-call rotation?');
    for (const text of sent) assertNoSecret(text, 'the prompt');
    assert.ok(
      seen.references.includes(journalUri('meetings', SLUG, `${LAST}.md`).toString()),
      seen.references.join('\n'),
    );

    // No model in the request and none to select: it says so and points to the slash commands.
    const none = recorder();
    const original = vscode.lm.selectChatModels;
    (vscode.lm as { selectChatModels: typeof original }).selectChatModels = async () => [];
    try {
      await copilot.handler(request('what did we decide?'), { history: [] }, none.stream, token);
    } finally {
      (vscode.lm as { selectChatModels: typeof original }).selectChatModels = original;
    }
    assert.match(none.seen.markdown, /^No chat model is available.*`\/prep Alex`/);
  });
});
