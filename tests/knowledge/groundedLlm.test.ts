/**
 * Grounded answers through an OpenAI-compatible model, against a fake server on 127.0.0.1 that checks
 * the request carries the retrieved products/FAQ as context. No retrieval → no call and a plain "not found".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoKnowledgeBase } from './demoKb';
import type { KnowledgeService } from '../../knowledge';

interface Seen {
  auth?: string;
  model?: string;
  system: string;
  user: string;
}

let server: http.Server;
let seen: Seen[] = [];
let reply: (req: Seen) => { status: number; content?: string } = () => ({ status: 200, content: '' });
let kb: KnowledgeService;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const json = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
      const s: Seen = {
        auth: req.headers.authorization,
        model: json.model,
        system: json.messages.find((m) => m.role === 'system')?.content ?? '',
        user: json.messages.find((m) => m.role === 'user')?.content ?? '',
      };
      seen.push(s);
      const r = reply(s);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(
        r.status === 200
          ? JSON.stringify({ id: 'c1', object: 'chat.completion', created: 0, model: s.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content } }] })
          : JSON.stringify({ error: { message: 'boom' } }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  ({ kb } = await demoKnowledgeBase({ OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_MODEL: 'fake-model' }));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  seen = [];
});

describe('grounded LLM answers', () => {
  test('sends the retrieved product as context and returns the cited answer', async () => {
    reply = (s) => ({
      status: s.system.includes('[sk-0006]') && s.system.includes('玻色因 3%') ? 200 : 400,
      content: '初研玻色因紧致修护精华含玻色因 3% [sk-0006]，适合想入门抗老的顾客。',
    });
    const a = await kb.ask('初研玻色因紧致修护精华值得入手吗');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ auth: 'Bearer sk-test-key', model: 'fake-model', user: '初研玻色因紧致修护精华值得入手吗' });
    expect(seen[0]!.system).toContain('Answer ONLY from the context');
    expect(a).toMatchObject({ found: true, sources: ['sk-0006'] });
    expect(a.answer).toContain('[sk-0006]');
    expect(a.confidence).toBeGreaterThan(0);
  });

  test('FAQ entries retrieved with low confidence go to the model as context, cited by id', async () => {
    reply = (s) => ({ status: 200, content: s.system.includes('[faq-007-zh]') ? '签收7天内未拆封可以无理由退货 [faq-007-zh]。' : 'NOT_IN_CONTEXT' });
    const a = await kb.ask('七天内能退吗');
    expect(seen).toHaveLength(1);
    expect(a.sources).toEqual(['faq-007-zh']);
  });

  test('when retrieval finds nothing the model is not asked and the answer says so', async () => {
    const a = await kb.ask('火星上有没有你们的门店');
    expect(seen).toHaveLength(0);
    expect(a).toMatchObject({ found: false, confidence: 0, sources: [] });
  });

  test('the model saying the context lacks the answer, or failing, falls back to the local answer', async () => {
    reply = () => ({ status: 200, content: 'NOT_IN_CONTEXT' });
    const a = await kb.ask('初研玻色因紧致修护精华值得入手吗');
    expect(a.found).toBe(false);
    reply = () => ({ status: 500 });
    const b = await kb.ask('初研玻色因紧致修护精华值得入手吗');
    expect(seen).toHaveLength(2);
    expect(b.found).toBe(false);
    expect(b.answer).toContain('没有找到');
  });

  test('attribute and confident FAQ answers stay local (no model call)', async () => {
    expect((await kb.ask('小棕瓶开封后能用多久')).answer).toContain('12个月');
    expect((await kb.ask('拆封了还能退吗')).sources).toEqual(['faq-008-zh']);
    expect(seen).toHaveLength(0);
  });
});
