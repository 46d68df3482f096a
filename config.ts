/**
 * Configuration: the only reader of process.env. Parsed once at startup by a zod schema; an invalid
 * value stops the process with a message naming the key. A `.env` file in the working directory is
 * read too (real environment variables win). Every key is listed in .env.example and the README.
 *
 * Each area owns the schema of its own keys (nlu/config.ts, knowledge/config.ts, adapters/<channel>/config.ts);
 * this file composes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { optionalString, boolFlag } from './platform/configFields';
import { nluConfigSchema } from './nlu/config';
import { knowledgeConfigSchema } from './knowledge/config';
import { channelConfigSchema } from './adapters/config';
import { appChannelProductionIssues } from './adapters/app/config';
import { botFrameworkProductionIssues } from './adapters/botframework/config';
import { webChatProductionIssues } from './adapters/web/config';
import { dataEncryptionProductionIssues, storageConfigSchema } from './storage/config';
import { throttleConfigSchema } from './services/throttle/config';
import { staffConfigSchema } from './services/staff/config';
import { metricsConfigSchema } from './services/analytics/metricsConfig';
import { campaignRulesConfigSchema } from './services/campaigns/rules/config'; // [R13]
import { visionConfigSchema } from './services/vision/config'; // [pictures]

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: optionalString.pipe(
    z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  ),
  MONGODB_DB: z.string().min(1).default('beautybot'),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_TRANSCRIPTS: boolFlag.default('false'),
  /** Key of the short hashes that stand for client-chosen ids (conversation, user) in the logs; unset → random per process. */
  LOG_ID_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Load the demo store (catalogue, FAQ, demo customers and orders) into an empty store at startup. */
  DEMO_DATA: boolFlag.default('true'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** [voice] speech to text (OpenAI-compatible /audio/transcriptions): voice the channel did not recognise itself */
  TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
  /** a private transcription endpoint (its own key, TRANSCRIPTION_API_KEY); unset → OPENAI_BASE_URL's */
  TRANSCRIPTION_BASE_URL: optionalString.pipe(z.string().url().optional()),
  TRANSCRIPTION_API_KEY: optionalString,
  /** The shop's add-to-cart page; the bot links to `<SHOP_CART_URL>?add=<productId>`. */
  SHOP_CART_URL: z.string().url().default('https://shop.example/cart'),
  /** How long a turn may wait for the customer's lock before giving up (ms). */
  TURN_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
});

export const configSchema = baseConfigSchema.merge(nluConfigSchema).merge(knowledgeConfigSchema).merge(channelConfigSchema).merge(storageConfigSchema).merge(throttleConfigSchema).merge(staffConfigSchema).merge(metricsConfigSchema).merge(campaignRulesConfigSchema).merge(visionConfigSchema);

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: { key: string; message: string }[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (process.env plus `.env` by default). Throws ConfigError naming each bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile: string | null = '.env'): Config {
  let fileValues: Record<string, string> = {};
  if (envFile !== null) {
    const file = path.resolve(envFile);
    if (fs.existsSync(file)) fileValues = dotenv.parse(fs.readFileSync(file));
  }
  const parsed = configSchema.safeParse({ ...fileValues, ...env });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ key: issue.path.join('.') || '(root)', message: issue.message })),
    );
  }
  const pairIssues =
    parsed.data.TRANSCRIPTION_BASE_URL && !parsed.data.TRANSCRIPTION_API_KEY
      ? [{ key: 'TRANSCRIPTION_API_KEY', message: 'required when TRANSCRIPTION_BASE_URL is set (the OpenAI key is never sent to another host)' }]
      : [];
  if (pairIssues.length > 0) throw new ConfigError(pairIssues);
  const productionIssues = PRODUCTION_CHECKS.flatMap((check) => check(parsed.data));
  if (productionIssues.length > 0) throw new ConfigError(productionIssues);
  return parsed.data;
}

/**
 * What production (NODE_ENV=production) refuses to start without; each area owns its rule. A development
 * default that is unsafe on the internet (Emulator mode, an open app channel) must be a startup error there.
 */
const PRODUCTION_CHECKS: ((config: Config) => { key: string; message: string }[])[] = [
  botFrameworkProductionIssues,
  appChannelProductionIssues,
  webChatProductionIssues,
  dataEncryptionProductionIssues,
];

/** Config for tests and benchmarks: defaults plus overrides, never reading the real environment. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...overrides }, null);
}
