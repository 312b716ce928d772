// The extension's features, each an activator. extension.ts only wires these.
import { Feature } from '../host/services';
import { activateBalance } from './balance';
import { activateCapture } from './capture';
import { activateInitJournal } from './commands/init-journal';
import { activateMeetings } from './commands/meetings';
import { activatePeople } from './commands/people';
import { activatePrivacy } from './privacy';
import { activateThreads } from './threads';
import { activateEvidence } from './evidence';
import { activateReview } from './review';
import { activateSession } from './session';
import { activateTalkingPoints } from './talking-points';
import { activateTrees } from './trees';

export const features: readonly Feature[] = [activateTrees, activateInitJournal, activatePeople, activateMeetings, activateThreads, activateCapture, activateTalkingPoints, activateSession, activateEvidence, activateReview, activateBalance, activatePrivacy];
