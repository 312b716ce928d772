// Localization: every string the user reads comes from package.nls.json (the
// manifest) or l10n/bundle.l10n.json (the code), so a translation is a file.
// These checks fail when a manifest string is written out in English, a %key%
// has no text, or a message was added to the code without `npm run l10n`.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';
import { formatMessage, l10n, setTranslator } from '../../src/core/l10n';

// Tests run from out/test/unit; the sources stay at the root.
const root = path.resolve(__dirname, '../../..');
const readJson = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** Every string value in the manifest, with where it is. */
function strings(value: unknown, at: string, out: { at: string; text: string }[] = []): { at: string; text: string }[] {
  if (typeof value === 'string') out.push({ at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

const KEY = /^%([\w.-]+)%$/;

describe('l10n: the manifest', () => {
  const manifest = readJson('package.json') as Record<string, unknown> & { contributes: Record<string, unknown> };
  const nls = readJson('package.nls.json') as Record<string, unknown>;
  const all = strings(manifest, '');

  it('names a folder of code bundles and ships it, with package.nls.json, in the .vsix', () => {
    assert.strictEqual(manifest['l10n'], './l10n');
    const shipped = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const line of ['!package.nls*.json', '!l10n/bundle.l10n.*.json'])
      assert.ok(shipped.includes(line), `.vscodeignore: ${line}`);
  });

  it('has English text for every %key%, and no key that nothing uses', () => {
    const used = new Set(all.flatMap(({ text }) => KEY.exec(text)?.[1] ?? []));
    for (const key of used) assert.strictEqual(typeof nls[key], 'string', `package.nls.json has no "${key}"`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json: "${key}" is used nowhere`);
  });

  it('writes no user-visible string of the manifest in English', () => {
    const visible = [
      /^(displayName|description)$/,
      /^capabilities\.untrustedWorkspaces\.description$/,
      /^contributes\.commands\[\d+\]\.(title|shortTitle|category)$/,
      /^contributes\.viewsContainers\.\w+\[\d+\]\.title$/,
      /^contributes\.views\.\w+\[\d+\]\.(name|contextualTitle)$/,
      /^contributes\.viewsWelcome\[\d+\]\.contents$/,
      /^contributes\.menus\.[\w/]+\[\d+\]\.title$/,
      /^contributes\.configuration\.title$/,
      /^contributes\.configuration\.properties\.[\w.]+\.(description|markdownDescription|deprecationMessage|markdownDeprecationMessage)$/,
      /^contributes\.configuration\.properties\.[\w.]+\.(enumDescriptions|markdownEnumDescriptions)\[\d+\]$/,
      /^contributes\.walkthroughs\[\d+\]\.(title|description)$/,
      /^contributes\.walkthroughs\[\d+\]\.steps\[\d+\]\.(title|description|media\.altText)$/,
      /^contributes\.languageModelTools\[\d+\]\.(displayName|modelDescription|userDescription)$/,
    ];
    const raw = all.filter(({ at, text }) => visible.some((re) => re.test(at)) && !KEY.test(text));
    assert.deepStrictEqual(
      raw.map(({ at }) => at),
      [],
      'put these in package.nls.json and refer to them as %key%',
    );
    // and the check above looks at something: every command has a title and a category
    const commands = manifest.contributes['commands'] as { title: string; category: string }[];
    assert.ok(commands.length > 0 && commands.every((c) => KEY.test(c.title) && KEY.test(c.category)));
  });
});

describe('l10n: the code', () => {
  const files = sources(path.join(root, 'src'));

  it('passes every message to l10n.t as a literal, so `npm run l10n` finds it', () => {
    // (the one exception: activation handing the core's messages on to vscode.l10n.t, in src/extension.ts)
    const computed = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return [...text.matchAll(/\bl10n\.t\((?!\s*(?:['"`]|message, \.\.\.args\)))/g)].map(
        (m) => `${path.relative(root, f)}:${text.slice(0, m.index).split('\n').length}`,
      );
    });
    assert.deepStrictEqual(computed, []);
  });

  it('has l10n/bundle.l10n.json up to date with the messages in src/ (run `npm run l10n`)', async function () {
    this.timeout(60000);
    // as scripts/l10n.mjs does: a file that does not import vscode is shown to the extractor as if it did
    const extracted = await getL10nJson(
      files.map((f) => {
        const contents = fs.readFileSync(f, 'utf8');
        const seen = /from 'vscode';/.test(contents) ? contents : `import * as vscode from 'vscode';\n${contents}`;
        return { contents: seen, extension: '.ts' };
      }),
    );
    const bundle = readJson('l10n/bundle.l10n.json') as Record<string, unknown>;
    const missing = Object.keys(extracted).filter((k) => !(k in bundle));
    const stale = Object.keys(bundle).filter((k) => !(k in extracted));
    assert.deepStrictEqual({ missing, stale }, { missing: [], stale: [] }, 'run `npm run l10n`');
    assert.deepStrictEqual(bundle, extracted);
    // the core's messages are in it too
    assert.ok('Front matter must be a list of `key: value` lines.' in bundle);
  });
});

describe('l10n: the core', () => {
  afterEach(() => setTranslator(undefined));

  it('formats {0}, {1}… as vscode.l10n.t does', () => {
    assert.strictEqual(l10n.t('{0} of {1} read', 3, 'ten'), '3 of ten read');
    assert.strictEqual(l10n.t('{1}, then {0}, then {0}', 'a', 'b'), 'b, then a, then a');
    assert.strictEqual(l10n.t('private: {0}', true), 'private: true');
    // a placeholder without its argument, and braces that are no placeholder, stay as they are
    assert.strictEqual(l10n.t('{0} and {1}', 'x'), 'x and {1}');
    assert.strictEqual(l10n.t('{ query } for {0}', 'Alex'), '{ query } for Alex');
    // no arguments: the message as it is, braces and all
    assert.strictEqual(l10n.t('Type {0} to search'), 'Type {0} to search');
    assert.strictEqual(formatMessage('{00} {1}', 'a', 'b'), '{00} b');
  });

  it('translates through the function activation hands it, and back to English without one', () => {
    setTranslator((message, ...args) => `[${formatMessage(message, ...args)}]`);
    assert.strictEqual(l10n.t('Hello {0}', 'Sam'), '[Hello Sam]');
    setTranslator(undefined);
    assert.strictEqual(l10n.t('Hello {0}', 'Sam'), 'Hello Sam');
  });
});
