// What Copilot gets from the journal, as one bundle of its own (dist/copilot.js,
// scripts/build.mjs), loaded the first time a tool or @1on1 answers: none of
// it is on the activation path.

export { setTranslator } from '../l10n';
export { openItemsAnswer, prepSheetAnswer, reviewAnswer, searchAnswer, winsAnswer } from './answers';
export type { Answer, OpenItemsQuery, SearchFilters } from './answers';
export { candidateMeetings, groundedPrompt, questionTerms, selectPassages } from './grounding';
export type { Passage, Prompt } from './grounding';
export { forModel, isShareable, shareableText } from './model-view';
export { personInText, resolvePersonName } from './people-in-text';
