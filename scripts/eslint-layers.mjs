// The layers of src/ (docs/architecture.md), as a lint rule: each imports only
// those below it, and a feature folder imports no other feature.
//
//   src/core/           → core
//   src/host/           → core, host
//   src/ui/             → core, host, ui
//   src/features/<x>/   → core, host, ui, features/<x>
//   src/extension.ts, src/features/index.ts → anything (they only wire)
import * as path from 'node:path';

const below = { core: ['core'], host: ['core', 'host'], ui: ['core', 'host', 'ui'] };

/** 'core' | 'host' | 'ui' | 'features/<x>' | 'wiring' | undefined for a file under src/. */
function layerOf(file) {
  const rel = path.relative(path.resolve('src'), file).split(path.sep);
  if (rel[0] === '..' || path.isAbsolute(rel.join('/'))) return undefined;
  if (rel.length === 1 || (rel[0] === 'features' && /^index(\.ts)?$/.test(rel[1] ?? 'index'))) return 'wiring';
  if (rel[0] === 'features') return `features/${rel[1]}`;
  return rel[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/ layered: core < host < ui < features; features never import each other.' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}} ({{spec}}): a layer imports only those below it (docs/architecture.md).',
      feature:
        '{{from}} may not import {{to}} ({{spec}}): a feature never imports another; move what both need into src/ui, src/host or src/core.',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from || from === 'wiring') return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), spec));
      if (!to || to === from) return;
      if (from.startsWith('features/')) {
        if (to.startsWith('features/') || to === 'wiring')
          context.report({ node, messageId: 'feature', data: { from, to, spec } });
        return;
      }
      if (!(below[from] ?? []).includes(to)) context.report({ node, messageId: 'upward', data: { from, to, spec } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export const layers = { rules: { imports: rule } };
