// mocha's own browser build, which defines the `mocha` global: the web worker
// extension host cannot load mocha's node entry from disk.
import 'mocha/mocha.js';

// No colours: the output reaches scripts/test-web.mjs through the workbench's log, which keeps escape codes.
mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20000, color: false });
