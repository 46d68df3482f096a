/**
 * botbuilder-dialogs builds the memory scopes and path resolvers of its DialogStateManager again in the
 * first dialog context of every turn (a service collection resolved through a dependency graph, settings
 * parsed with zod): a visible share of a light turn. The scopes and resolvers keep no state of their own
 * (each reads the dialog context it is given), so the bot builds them once and puts them in every turn
 * under the turn-state key the library caches them by within a turn.
 */
import type { TurnContext } from 'botbuilder';
import { DialogContext, DialogStateManager, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** botbuilder-dialogs' own key (memory/dialogStateManager.js), read by every DialogStateManager of a turn */
export const DIALOG_MEMORY_KEY = 'DialogStateManagerConfiguration';

let shared: DialogStateManagerConfiguration | undefined;

/** The configuration the library would build for a turn that adds no scopes of its own. */
function configuration(): DialogStateManagerConfiguration {
  const probe = { context: { turnState: new Map<unknown, unknown>() } } as unknown as DialogContext;
  return (shared ??= new DialogStateManager(probe).configuration);
}

export function shareDialogMemory(context: TurnContext): void {
  if (context.turnState.get(DIALOG_MEMORY_KEY) === undefined) context.turnState.set(DIALOG_MEMORY_KEY, configuration());
}
