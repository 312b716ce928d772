// The CPU time of loading the extension's bundle (compiling and running its
// top level) in plain node, as the extension host does before activate():
// `node bench/load-cpu.cjs <dist/extension.js>` prints one JSON line. The
// `vscode` module is a stand-in that accepts whatever the top level touches.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

function stub() {
  const target = function () {};
  return new Proxy(target, {
    get: (t, key) => (key === 'prototype' ? t.prototype : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
}

// Bundles copy the module's own properties (esbuild's __toESM): give it every name the API declares.
const names = fs
  .readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8')
  .matchAll(/^\texport (?:namespace|class|enum|const|function|let) ([A-Za-z_]\w*)/gm);
const vscode = {};
for (const [, name] of names) vscode[name] = stub();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const file = process.argv[2];
const before = process.cpuUsage();
const t0 = process.hrtime.bigint();
const exported = require(file);
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const used = process.cpuUsage(before);
if (typeof exported.activate !== 'function') throw new Error(`${file} exports no activate()`);
console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, wallMs }));
