/**
 * The LLM recognizer against a local OpenAI-compatible HTTP server: what we send (model, forced tool call,
 * the tool's JSON schema built from the vocabulary, no secrets or message text in logs) and how the
 * model's answer is used (intent, a frame merged slot by slot with the local one, fallback on any failure).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../config';
import { createRecognizer } from '../../nlu';
import { TEST_MODEL_CACHE } from './helpers';

interface ToolSchema {
  properties: Record<string, { enum?: string[]; properties?: Record<string, { items?: { enum?: string[] }; anyOf?: unknown[] }> }>;
}

interface SeenRequest {
  path: string;
  auth?: string;
  raw: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    tools: { type: string; function: { name: string; strict: boolean; parameters: ToolSchema } }[];
    tool_choice: { type: string; function: { name: string } };
    response_format?: unknown;
  };
}

type Answer = { delayMs?: number; status?: number; args?: unknown; rawArgs?: string; noToolCall?: boolean };

/** A local OpenAI-compatible fake: records what we send, answers with the tool call it is told to. */
function fakeOpenAi(answer: (req: SeenRequest) => Answer) {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const request: SeenRequest = { path: req.url ?? '', auth: req.headers.authorization, raw, body: JSON.parse(raw) as SeenRequest['body'] };
      seen.push(request);
      const { delayMs = 0, status = 200, args, rawArgs, noToolCall } = answer(request);
      const message = noToolCall
        ? { role: 'assistant', content: 'I think it is an order question.' }
        : { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: request.body.tool_choice.function.name, arguments: rawArgs ?? JSON.stringify(args) } }] };
      const timer = setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: request.body.model, choices: [{ index: 0, finish_reason: 'tool_calls', message }] }));
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  return {
    seen,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const emptyModelFrame = {
  categories: [], skinType: null, concerns: [], budget: null, texture: null, shade: null, undertone: null, finish: null, brands: [], products: [],
  refersToFocus: false, order: null, quantity: null, ingredientsWanted: [], ingredientsAvoided: [], allergies: [], fragranceFree: false,
  lifeStage: null, recipient: null, age: null, moreIntents: [],
};
const understanding = (frame: Record<string, unknown> = {}, intent = 'complaint') => ({
  intent,
  confidence: 0.93,
  alternatives: [{ intent: 'order_status', confidence: 0.05 }],
  sentiment: { label: 'negative', score: 0.9, anger: 0.7 },
  language: 'zh',
  frame: { ...emptyModelFrame, ...frame },
});

function captureLogger() {
  const lines: string[] = [];
  const log = (obj: object, msg: string) => lines.push(JSON.stringify(obj) + ' ' + msg);
  return { lines, logger: { warn: log, info: log, debug: log } };
}

async function recognizerFor(baseUrl: string, extra: Record<string, string> = {}, logger?: ReturnType<typeof captureLogger>['logger']) {
  return createRecognizer(testConfig({ OPENAI_API_KEY: 'sk-test-secret', OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: 'fake-model', DATA_DIR: TEST_MODEL_CACHE, ...extra }), { logger });
}

describe('LLM recognizer against a local OpenAI-compatible server', () => {
  // trains the local model once (or loads it from the cache) so no test pays for it
  beforeAll(async () => {
    await createRecognizer(testConfig({ DATA_DIR: TEST_MODEL_CACHE }));
  }, 120_000);

  test('NLU_MODE=llm: one forced tool call whose schema lists intents and catalogue values; the answer is used, local entities kept', async () => {
    const fake = fakeOpenAi(() => ({ args: understanding() }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' });
      const result = await recognizer.recognize('订单123456789012三天了还没发货，什么破服务');
      expect(fake.seen).toHaveLength(1);
      const { path, auth, body } = fake.seen[0];
      expect(path).toBe('/v1/chat/completions');
      expect(auth).toBe('Bearer sk-test-secret');
      expect(body.model).toBe('fake-model');
      expect(body.messages[0].role).toBe('system');
      expect(body.messages[1]).toEqual({ role: 'user', content: '订单123456789012三天了还没发货，什么破服务' });
      expect(body.response_format).toBeUndefined();
      expect(body.tools).toHaveLength(1);
      const tool = body.tools[0];
      expect(tool.type).toBe('function');
      expect(body.tool_choice).toEqual({ type: 'function', function: { name: tool.function.name } });
      expect(tool.function.strict).toBe(true);
      const params = tool.function.parameters;
      expect(params.properties.intent.enum).toHaveLength(21);
      const frame = params.properties.frame.properties!;
      expect(frame.categories.items!.enum).toEqual(expect.arrayContaining(['cleanser', 'face_cream', 'lipstick']));
      expect(frame.concerns.items!.enum).toEqual(expect.arrayContaining(['acne', 'hydration']));
      expect(Object.keys(frame)).toEqual(expect.arrayContaining(['budget', 'lifeStage', 'recipient', 'allergies', 'order', 'moreIntents']));
      expect(result.intent).toBe('complaint');
      expect(result.confidence).toBe(0.93);
      expect(result.sentiment.label).toBe('negative');
      expect(result.entities.find((e) => e.type === 'order_id')?.value).toBe('123456789012');
      // the local reader's order number survives a model frame that has none
      expect(result.frame?.order?.number).toBe('123456789012');
    } finally {
      await fake.stop();
    }
  });

  test("the model's frame adds what the local one missed; invalid slots keep the local value", async () => {
    const fake = fakeOpenAi(() => ({
      args: understanding(
        {
          categories: ['face_cream', 'jet_engine'],
          skinType: 'dry',
          budget: { min: 500, max: 100 },
          recipient: 'mother',
          age: 250,
          lifeStage: 'pregnant',
          ingredientsAvoided: ['alcohol'],
          brands: ['兰蔻'],
          order: { number: '999999999999', status: 'shipped', recency: null, ordinal: null },
          moreIntents: ['recommendation', 'promotion'],
        },
        'recommendation',
      ),
    }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' });
      const result = await recognizer.recognize('想给妈妈挑个霜，一千以内，她怀孕了不要带酒精的');
      const frame = result.frame!;
      expect(result.intent).toBe('recommendation');
      expect(frame.categories).toEqual(['face_cream']); // the invented category is dropped
      expect(frame.skinType).toBe('dry'); // added by the model
      expect(frame.budget).toEqual({ max: 1000 }); // the model's is upside down: the local one stays
      expect(frame.recipient).toBe('mother');
      expect(frame.age).toBeUndefined(); // 250 is no age
      expect(frame.lifeStage).toBe('pregnant');
      expect(frame.ingredientsAvoided).toContain('酒精');
      expect(frame.brandIds).toEqual(['lancome']);
      expect(frame.order?.number).toBeUndefined(); // a number that is not in the message is not taken
      expect(frame.order?.status).toBe('shipped');
      expect(frame.moreIntents).toEqual(['promotion']); // never the main intent
    } finally {
      await fake.stop();
    }
  });

  test('a frame that is not an object leaves the local frame whole', async () => {
    const fake = fakeOpenAi(() => ({ args: { ...understanding(), frame: 'oily skin, cleanser' } }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' });
      const result = await recognizer.recognize('我是油皮，想要控油的洗面奶，100块以内');
      expect(result.frame).toMatchObject({ categories: ['cleanser'], skinType: 'oily', budget: { max: 100 } });
    } finally {
      await fake.stop();
    }
  });

  test('local mode asks the LLM only below the threshold', async () => {
    const fake = fakeOpenAi(() => ({ args: understanding() }));
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

  test('a slow LLM times out and the local result, frame included, is used', async () => {
    const fake = fakeOpenAi(() => ({ delayMs: 2000, args: understanding() }));
    const url = await fake.start();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm', NLU_LLM_TIMEOUT_MS: '200' });
      const started = Date.now();
      const result = await recognizer.recognize('怎么开发票，不超过500的面霜也推荐下');
      expect(Date.now() - started).toBeLessThan(1500);
      expect(result.frame?.budget).toEqual({ max: 500 });
      expect(fake.seen).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });

  test('no tool call, bad JSON, an unknown intent or an HTTP error fall back to the local result; logs hold no secret and no message text', async () => {
    const answers: Answer[] = [{ noToolCall: true }, { rawArgs: '{"intent": "compl' }, { args: understanding({}, 'buy_car') }, { status: 500, args: {} }];
    let i = 0;
    const fake = fakeOpenAi(() => answers[i++]);
    const url = await fake.start();
    const { lines, logger } = captureLogger();
    try {
      const recognizer = await recognizerFor(url, { NLU_MODE: 'llm' }, logger);
      for (let n = 0; n < answers.length; n++) {
        const result = await recognizer.recognize('where is my refund for the cleanser');
        expect(result.intent).toBe('refund_status');
        expect(result.frame?.categories).toEqual(['cleanser']);
      }
      expect(fake.seen).toHaveLength(4);
      expect(lines.filter((l) => l.includes('LLM recognition failed'))).toHaveLength(4);
      for (const line of lines) {
        expect(line).not.toContain('sk-test-secret');
        expect(line).not.toContain('refund for the cleanser');
      }
    } finally {
      await fake.stop();
    }
  });

  test('without OPENAI_API_KEY no request is ever made', async () => {
    const fake = fakeOpenAi(() => ({ args: understanding() }));
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
