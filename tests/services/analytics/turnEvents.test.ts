import { TURN_EVENTS, TurnEventRecorder } from '../../../services/analytics/turnEvents';
import { silentLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { startTestApp } from '../../helpers/testApp';

describe('turn analytics events', () => {
  it('writes buffered events in batches and on flush', async () => {
    const store = new EmbeddedStore(null);
    const recorder = new TurnEventRecorder(store, silentLogger(), { maxBatch: 3, flushMs: 60000 });
    const outcome = { customerId: 'c1', channelId: 'app', latencyMs: 5, attempts: 1, intent: 'greeting' };
    await recorder.turnEnded(outcome);
    await recorder.turnEnded(outcome);
    expect(await store.collection(TURN_EVENTS).count({})).toBe(0);
    await recorder.turnEnded(outcome);
    await recorder.flush();
    expect(await store.collection(TURN_EVENTS).count({})).toBe(3);
    await recorder.turnEnded({ ...outcome, intent: 'thanks_bye' });
    await recorder.flush();
    expect(await store.collection(TURN_EVENTS).count({ intent: 'thanks_bye' })).toBe(1);
  });

  it('records every turn of the running bot with intent, channel and latency, and no message text', async () => {
    const app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }) });
    try {
      await app.say('evt-user', '你好');
      await app.events.flush();
      const [event] = await app.store.collection<any>(TURN_EVENTS).find({ channelId: 'app' });
      expect(event).toMatchObject({ channelId: 'app', intent: 'greeting', attempts: 1 });
      expect(event.latencyMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(event)).not.toContain('你好');
    } finally {
      await app.close(1000);
    }
  });
});
