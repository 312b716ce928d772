// The extension loads yaml on first need (src/core/yaml.ts); the unit tests
// have it from the start, as a journal with front matter beyond flat lines
// would. test/unit/yaml-on-demand.test.ts covers the time before it comes.

import * as yaml from 'yaml';
import { installYaml } from '../../src/core/yaml';

installYaml(yaml);
