// The extension's features, each an activator. extension.ts only wires these.
// An activator may return what the integration tests reach of it; together
// those make the typed test API (TestApi), and nothing else is exported for tests.
import * as vscode from 'vscode';
import { Services } from '../host/services';
import { activateBalance } from './balance';
import { activateBeforeTheCall } from './before-the-call';
import { activateCalendar } from './calendar';
import { activateCapture } from './capture';
import { activateCopilot } from './copilot';
import { activateEvidence } from './evidence';
import { activateFollowThrough } from './follow-through';
import { activateGoalsFeedback } from './goals-feedback';
import { activateJournal } from './journal';
import { activateMeetings } from './meetings';
import { activatePeople } from './people';
import { activatePrivacy } from './privacy';
import { activateReview } from './review';
import { activateSearch } from './search';
import { activateTalkingPoints } from './talking-points';
import { activateTrees } from './trees';
import { activateWriting } from './writing';

export function activateFeatures(context: vscode.ExtensionContext, services: Services) {
  const trees = activateTrees(context, services);
  activateJournal(context, services);
  activatePeople(context, services);
  activateCalendar(context, services);
  const meetings = activateMeetings(context, services);
  activateGoalsFeedback(context, services);
  activateCapture(context, services);
  activateTalkingPoints(context, services);
  const beforeTheCall = activateBeforeTheCall(context, services);
  const followThrough = activateFollowThrough(context, services);
  const evidence = activateEvidence(context, services);
  activateReview(context, services);
  activateSearch(context, services);
  activateWriting(context, services);
  activateBalance(context, services);
  activatePrivacy(context, services);
  const copilot = activateCopilot(context, services);
  return { trees, meetings, beforeTheCall, followThrough, evidence, copilot };
}

/** What the integration tests reach beyond the commands: documented with each activator's return type. */
export type TestApi = ReturnType<typeof activateFeatures>;
