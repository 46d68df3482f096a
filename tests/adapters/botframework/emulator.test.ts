import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ReplySink, startReplySink } from '../../helpers/replySink';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { emulatorActivity } from './emulatorActivity';

const activity = emulatorActivity;

describe('POST /api/messages (Bot Framework Emulator protocol, no app id)', () => {
  let app: RunningApp;
  let sink: ReplySink;
  beforeAll(async () => {
    sink = await startReplySink();
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting', 推荐: 'recommendation' }) });
  });
  afterAll(async () => {
    await app.close(1000);
    await sink.close();
  });

  it("POSTs the bot's reply to {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}", async () => {
    const res = await app.post('/api/messages', activity(sink.url));
    expect(res.status).toBe(200);
    const [reply] = await sink.waitFor(1);
    expect(reply.method).toBe('POST');
    expect(reply.url).toBe('/v3/conversations/conv-1/activities/act-1');
    expect(reply.body).toMatchObject({ type: 'message', replyToId: 'act-1', conversation: { id: 'conv-1' } });
    expect(reply.body.text).toMatch(/您好/);
  });

  it('welcomes a user who joins the conversation', async () => {
    const before = sink.requests.length;
    await app.post(
      '/api/messages',
      activity(sink.url, { type: 'conversationUpdate', id: 'cu-1', text: undefined, membersAdded: [{ id: 'emu-user' }] }),
    );
    const all = await sink.waitFor(before + 1);
    expect(all[before].body.text).toMatch(/智能客服/);
  });

  it.each([
    ['no type', { type: undefined }],
    ['no conversation', { conversation: undefined }],
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a message without from', { from: undefined }],
  ])('answers 400 JSON for an activity with %s', async (_name, overrides) => {
    const res = await app.post('/api/messages', activity(sink.url, overrides));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_activity');
  });

  it('answers 400 for malformed JSON and stays up', async () => {
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
    expect((await app.get('/healthz')).status).toBe(200);
  });
});

describe('POST /api/messages with MicrosoftAppId set', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(
      { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' },
      { recognizer: new ScriptedRecognizer() },
    );
  });
  afterAll(() => app.close(1000));

  it('answers 401 to a request without a token and runs no turn', async () => {
    const recognizer = new ScriptedRecognizer();
    const res = await app.post('/api/messages', activity('http://127.0.0.1:9'));
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
    expect(recognizer.calls).toBe(0);
  });

  it('answers 401 to a forged token', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await app.post('/api/messages', activity('http://127.0.0.1:9'), { authorization: 'Bearer not.a.jwt' });
    spy.mockRestore();
    expect(res.status).toBe(401);
  });
});
