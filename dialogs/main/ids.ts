/** Ids of MainDialog and of the dialogs inside it, shared by its parts. */
export const MAIN_DIALOG = 'mainDialog';
/** the waterfall a message starts when no flow is active: route → after the flow → the answer to a human offer */
export const ROUTER = 'mainRouter';
export const OFFER_HUMAN_PROMPT = 'offerHumanPrompt';
