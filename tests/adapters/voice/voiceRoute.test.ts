/**
 * The voice route around a stand-in bot (no NLU, no dialogs): what the caller hears when the bot hands
 * them to a person and the store has no phone line for people, when a person already has them, and when
 * the turn fails. The caller's number reaches the bot only as a keyed hash.
 */
import { TURN_OUTCOME } from '../../../dialogs/turn/turnContracts';
import { spoken, TwilioCall } from './fakeTwilio';
import { Script, startVoice } from './voiceHarness';

const handingOff: Script = async (context) => {
  (context.turnState.get(TURN_OUTCOME) as { handoffReason?: string }).handoffReason = 'requested';
  await context.sendActivity({ type: 'message', text: '已为您转接人工客服，请稍候～', suggestedActions: { actions: [{ type: 'imBack', title: '取消人工', value: '取消人工' }], to: [] } });
};

it('a handoff without a human line: the hours are said and the call ends', async () => {
  const voice = await startVoice(handingOff);
  const c = new TwilioCall(voice, '+8613800138000');
  await c.start();
  const heard = await c.speak('转人工');
  expect(heard.dial).toBeUndefined();
  expect(heard.hangup).toBe(true);
  expect(spoken(heard)).toMatch(/已为您转接人工客服/);
  expect(spoken(heard)).toMatch(/每天9点到21点/);
  expect(spoken(heard)).not.toMatch(/按1/); // a choice nobody can press any more is not read
  await voice.close();
});

it('a person already has the caller and the bot stays quiet: dialled through', async () => {
  const voice = await startVoice(async (context) => {
    (context.turnState.get(TURN_OUTCOME) as { interceptedBy?: string }).interceptedBy = 'handoffGate';
  }, '+862160001234');
  const c = new TwilioCall(voice, '+8613800138000');
  await c.start();
  const heard = await c.speak('我还在等');
  expect(heard.dial).toBe('+862160001234');
  await voice.close();
});

it('a failing turn: the apology, and the call goes on', async () => {
  const voice = await startVoice(async () => {
    throw new Error('boom');
  });
  const c = new TwilioCall(voice, '+8613800138000');
  await c.start();
  const heard = await c.speak('你好');
  expect(spoken(heard)).toMatch(/抱歉/);
  expect(spoken(heard)).not.toMatch(/boom|Error/);
  expect(heard.gather).toBeDefined();
  await voice.close();
});

it('the bot sees a hash of the number, never the number; the phone is proven once per call', async () => {
  const voice = await startVoice(async (context) => void (await context.sendActivity('好的')));
  const c = new TwilioCall(voice, '+86 138-0013-8000');
  await c.start();
  await c.speak('你好');
  await c.speak('再见');
  expect(voice.seen.map((s) => s.userId)).toEqual(['hash(27)', 'hash(27)']);
  expect(voice.attached).toEqual([{ userId: 'hash(27)', phone: '+8613800138000' }]);
  await voice.close();
});
