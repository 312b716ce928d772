import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
  scripts: Record<string, string>;
};

describe('package.json: ready to publish', () => {
  it('names one repository for the source, the issues and the home page, so a plain `vsce package` rewrites the README links', () => {
    const url = manifest.repository?.url ?? '';
    assert.strictEqual(manifest.repository?.type, 'git');
    const base = /^(https:\/\/github\.com\/[\w.-]+\/[\w.-]+?)\.git$/.exec(url)?.[1];
    assert.ok(base, `repository.url is a GitHub address ending in .git: ${url}`);
    assert.strictEqual(manifest.bugs?.url, `${base}/issues`);
    assert.strictEqual(manifest.homepage, `${base}#readme`);
    assert.ok(!/--no-rewrite-relative-links|--baseContentUrl|--baseImagesUrl/.test(manifest.scripts['package'] ?? ''));
  });

  it('the README links only to files that exist, so the rewritten links resolve', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z][\w+.-]*:/i.test(target) && !target.startsWith('#'));
    assert.ok(relative.length > 0);
    for (const target of relative) {
      const file = decodeURIComponent(target.split('#')[0]!);
      assert.ok(fs.existsSync(path.join(root, file)), `README links to ${target}, which is not in the repository`);
    }
  });
});
