/**
 * The bot hands every turn one prebuilt set of botbuilder-dialogs memory scopes instead of letting the
 * library build them again each turn: dialogs must see the same memory as before (dialog, turn and this
 * scopes, values kept across turns), and every turn must use that one set.
 */
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import { DIALOG_MEMORY_KEY, shareDialogMemory } from '../../bots/dialogMemory';

describe('shared dialog memory', () => {
  it('keeps dialog, turn and step memory working across turns, with one set of scopes for every turn', async () => {
    const conversation = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(conversation.createProperty('dialogState'));
    const configurations = new Set<unknown>();
    dialogs.add(
      new WaterfallDialog('count', [
        async (step) => {
          step.state.setValue('dialog.count', 1);
          step.state.setValue('turn.note', 'first');
          await step.context.sendActivity(`count ${step.state.getValue('dialog.count')} ${step.state.getValue('turn.note')}`);
          return Dialog.EndOfTurn;
        },
        async (step) => {
          step.state.setValue('dialog.count', step.state.getValue<number>('dialog.count') + 1);
          const note = step.state.getValue('turn.note', () => 'none');
          await step.context.sendActivity(`count ${step.state.getValue('dialog.count')} ${note} step ${step.state.getValue('this.stepIndex')}`);
          return step.endDialog();
        },
      ]),
    );
    const adapter = new TestAdapter(async (context) => {
      shareDialogMemory(context);
      const dc = await dialogs.createContext(context);
      configurations.add(dc.state.configuration);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('count');
      await conversation.saveChanges(context);
    });
    await adapter.send('one').assertReply('count 1 first').send('two').assertReply('count 2 none step 1').startTest();
    expect(configurations.size).toBe(1);
    const [configuration] = [...configurations] as { memoryScopes: { name: string }[] }[];
    expect(configuration.memoryScopes.map((s) => s.name)).toEqual(expect.arrayContaining(['turn', 'dialog', 'this', 'conversation', 'user', 'settings']));
  });

  it('leaves a configuration the turn already has alone', async () => {
    const own = { memoryScopes: [], pathResolvers: [] };
    const adapter = new TestAdapter(async (context) => {
      context.turnState.set(DIALOG_MEMORY_KEY, own);
      shareDialogMemory(context);
      await context.sendActivity(context.turnState.get(DIALOG_MEMORY_KEY) === own ? 'kept' : 'replaced');
    });
    await adapter.send('x').assertReply('kept').startTest();
  });
});
