import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../config';
import { createRecognizer } from '../../nlu';
import { TEST_MODEL_CACHE } from './helpers';

interface SeenRequest {
  path: string;
  auth?: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { properties: Record<string, { enum?: string[] }> } } };
  };
}

/** A local OpenAI-compatible fake: records what we send, answers as told. */
function fakeOpenAi(answer: (req: SeenRequest) => { delayMs?: number; status?: number; content: string }) {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const request: SeenRequest = { path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(raw) as SeenRequest['body'] };
      seen.push(request);
      const { delayMs = 0, status = 200, content } = answer(request);
      const timer = setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: 0,
            model: request.body.model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
          }),
        );
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  return {
    seen,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`))),
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const llmAnswer = JSON.stringify({
  intent: 'complaint',
  confidence: 0.93,
  alternatives: [{ intent: 'order_status', confidence: 0.05 }],
  sentiment: { label: 'negative', score: 0.9, anger: 0.7 },
  language: 'zh',
});

async function recognizerFor(baseUrl: string, extra: Record<string, string> = {}) {
  return createRecognizer(
    testConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: 'fake-model', DATA_DIR: TEST_MODEL_CACHE, ...extra }),
  );
}

describe('LLM recognizer against a local OpenAI-compatible server', () => {
  test('NLU_MODE=llm: sends model, messages and a strict JSON schema; uses the answer, keeps local entities', async () => {
    const fake = fakeOpenAi(() => ({ content: llmAnswer }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' });
      const result = await recognizer.recognize('订单123456789012三天了还没发货，什么破服务');
      expect(fake.seen).toHaveLength(1);
      const { path, auth, body } = fake.seen[0];
      expect(path).toBe('/v1/chat/completions');
      expect(auth).toBe('Bearer sk-test');
      expect(body.model).toBe('fake-model');
      expect(body.messages[0].role).toBe('system');
      expect(body.messages[0].content).toContain('order_status');
      expect(body.messages[1]).toEqual({ role: 'user', content: '订单123456789012三天了还没发货，什么破服务' });
      expect(body.response_format.type).toBe('json_schema');
      expect(body.response_format.json_schema.strict).toBe(true);
      expect(body.response_format.json_schema.schema.properties.intent.enum).toHaveLength(21);
      expect(result.intent).toBe('complaint');
      expect(result.confidence).toBe(0.93);
      expect(result.sentiment.label).toBe('negative');
      expect(result.entities.find((e) => e.type === 'order_id')?.value).toBe('123456789012');
    } finally {
      await fake.stop();
    }
  });

  test('local mode asks the LLM only below the threshold', async () => {
    const fake = fakeOpenAi(() => ({ content: llmAnswer }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_LLM_THRESHOLD: '0.6' });
      const sure = await recognizer.recognize('怎么开发票');
      expect(sure.intent).toBe('invoice');
      expect(fake.seen).toHaveLength(0);
      const unsure = await recognizer.recognize('那个那个');
      expect(fake.seen).toHaveLength(1);
      expect(unsure.intent).toBe('complaint');
    } finally {
      await fake.stop();
    }
  });

  test('a slow LLM times out and the local result is used', async () => {
    const fake = fakeOpenAi(() => ({ delayMs: 2000, content: llmAnswer }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm', NLU_LLM_TIMEOUT_MS: '200' });
      const started = Date.now();
      const result = await recognizer.recognize('怎么开发票');
      expect(Date.now() - started).toBeLessThan(1500);
      expect(result.intent).toBe('invoice');
      expect(fake.seen).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });

  test('invalid JSON, an unknown intent or an HTTP error fall back to the local result', async () => {
    const answers = [
      { content: 'not json at all' },
      { content: JSON.stringify({ ...JSON.parse(llmAnswer), intent: 'buy_car' }) },
      { status: 500, content: '' },
    ];
    let i = 0;
    const fake = fakeOpenAi(() => answers[i++]);
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' });
      for (let n = 0; n < answers.length; n++) expect((await recognizer.recognize('where is my refund')).intent).toBe('refund_status');
      expect(fake.seen).toHaveLength(3);
    } finally {
      await fake.stop();
    }
  });

  test('without OPENAI_API_KEY no request is ever made', async () => {
    const fake = fakeOpenAi(() => ({ content: llmAnswer }));
    const url = await fake.start();
    try {
      const recognizer = await createRecognizer(testConfig({ OPENAI_BASE_URL: url, NLU_MODE: 'llm', DATA_DIR: TEST_MODEL_CACHE }));
      expect((await recognizer.recognize('那个那个')).intent).not.toBe('complaint');
      expect(fake.seen).toHaveLength(0);
    } finally {
      await fake.stop();
    }
  });
});
