// One journal file parsed: its text, its markdown structure and its front
// matter. Parsing never throws: whatever the input, the caller gets a model,
// with problems listed instead of exceptions.

import { parseFrontMatter, FrontMatterData, Problem } from './front-matter';
import { scanMarkdown, ScannedMarkdown } from './markdown';
import { SourceText, toSource } from './text';
import { l10n } from './l10n';

export interface JournalDocument {
  readonly source: SourceText;
  readonly scan: ScannedMarkdown;
  readonly data: FrontMatterData;
  readonly problems: readonly Problem[];
  /** Only yaml reads the front matter (the flat shortcut declined it). */
  readonly needsYaml?: true;
  /** The front matter needs yaml, which is not loaded yet (core/yaml.ts): `data` is empty until it is. */
  readonly yamlPending?: true;
}

/** `template`: the file is a template, whose front matter has `{{placeholder}}` values (template-placeholders.ts). */
export function parseDocument(raw: string, template = false): JournalDocument {
  try {
    const source = toSource(raw);
    const scan = scanMarkdown(source.lines);
    const fm = parseFrontMatter(scan, template);
    if (!fm.needsYaml) return { source, scan, data: fm.data, problems: fm.problems };
    return fm.yamlPending
      ? { source, scan, data: fm.data, problems: fm.problems, needsYaml: true, yamlPending: true }
      : { source, scan, data: fm.data, problems: fm.problems, needsYaml: true };
  } catch (error) {
    // Nothing above is expected to throw; if it ever does, the file still
    // shows (with a problem) and nothing is ever written to it.
    const source = toSource(typeof raw === 'string' ? raw : '');
    return {
      source,
      scan: {
        kinds: [],
        frontMatter: undefined,
        unterminatedFrontMatter: false,
        headings: [],
        items: [],
        unclosedBlockLine: undefined,
      },
      data: {},
      problems: [
        { message: l10n.t('The file could not be read as markdown: {0}', String(error)), line: 0, severity: 'error' },
      ],
    };
  }
}
