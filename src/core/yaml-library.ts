// The yaml library as the core uses it (core/yaml.ts), built as a bundle of
// its own, dist/yaml.js (scripts/build.mjs), that the host loads the first
// time a file's front matter needs it (host/libraries.ts).

export { isMap, isScalar, parseDocument } from 'yaml';
