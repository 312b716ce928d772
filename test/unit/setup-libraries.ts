// The extension loads yaml and rrule on first need (src/core/on-demand.ts);
// the unit tests have them from the start, as a journal that uses them would.
// test/unit/yaml-on-demand.test.ts and rrule-on-demand.test.ts cover the time
// before they come.

import * as rrule from 'rrule';
import * as yaml from 'yaml';
import { installRRule } from '../../src/core/rrule';
import { installYaml } from '../../src/core/yaml';

installYaml(yaml);
installRRule(rrule);
