// Writes l10n/bundle.l10n.json, the English bundle of every message the code
// passes to l10n.t (`npm run l10n`): the file a translation copies as
// l10n/bundle.l10n.<language>.json. @vscode/l10n-dev's extractor reads only
// files that import vscode, and src/core may not (src/core/l10n.ts), nor do
// the host's files that run without it (host/github/): such files are shown
// to the extractor as if they did. test/unit/l10n.test.ts fails when the
// bundle is not what this script would write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(repoRoot, 'src');
const out = path.join(repoRoot, 'l10n', 'bundle.l10n.json');

const files = fs
  .readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const bundle = await getL10nJson(
  files.map((f) => {
    const contents = fs.readFileSync(path.join(src, f), 'utf8');
    const seen = /from 'vscode';/.test(contents) ? contents : `import * as vscode from 'vscode';\n${contents}`;
    return { contents: seen, extension: '.ts' };
  }),
);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`l10n: ${Object.keys(bundle).length} messages in ${path.relative(repoRoot, out)}`);
