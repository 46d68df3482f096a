/**
 * A business area plugs into MainDialog with its dialogs and the intents it takes over.
 * Areas are built in index.ts with their dependencies and handed to MainDialog.
 */
import type { Dialog } from 'botbuilder-dialogs';
import type { Intent } from '../nlu/types';

export interface DialogArea {
  readonly name: string;
  /** child dialogs MainDialog adds (each with a unique id) */
  readonly dialogs: Dialog[];
  /** intent → id of the dialog (one of `dialogs`) that handles it */
  readonly routes: Partial<Record<Intent, string>>;
}
