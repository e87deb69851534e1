import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/**
 * Every environment variable Préjury reads. No other module reads `process.env`:
 * they receive a parsed `Config` (or call `loadConfig`). `.env.example` documents each one.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  PREJURY_DATA_DIR: z.string().default('./.prejury'),
  PREJURY_PROVIDER: z.enum(['offline', 'openai']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  PREJURY_MODEL: z.string().default('gpt-4o-mini'),
  PREJURY_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  PREJURY_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  PREJURY_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  PREJURY_REVIEW_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(12),
  PREJURY_MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  PREJURY_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  PREJURY_REDACT_PII: bool.default(true),
  PREJURY_EMBEDDED_WORKER: bool.default(true),
  PREJURY_DEMO_PASSWORD: z.string().min(10).optional(),
  /** Seed the demo organisation even on PostgreSQL (never done unless asked). */
  PREJURY_SEED_DEMO: bool.optional(),
  /** Signs session cookies and tokens; with the embedded database one is generated in the data folder. */
  PREJURY_AUTH_SECRET: z.string().min(32).optional(),
  /** The address users reach Préjury at (cookies, reset links, CSRF origin check). */
  PREJURY_PUBLIC_URL: z.string().url().optional(),
  PREJURY_SIGNIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  PREJURY_REVIEWS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Drafts (dossier versions other than the latest) older than this are purged; unset keeps them. */
  PREJURY_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /** SMTP server for e-mails (`smtp://user:pass@host:587`, `smtps://…`); unset: e-mails go to the log. */
  PREJURY_SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of Préjury's e-mails. */
  PREJURY_MAIL_FROM: z.string().min(3).default('Préjury <no-reply@prejury.local>'),
});

export type Env = z.infer<typeof EnvSchema>;

/** The resolved configuration the app is built from. */
export interface Config {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  provider: 'offline' | 'openai';
  openai: { apiKey: string | undefined; baseURL: string | undefined; model: string; embeddingModel: string };
  llm: { timeoutMs: number; maxRetries: number; concurrency: number };
  maxUploadBytes: number;
  parseTimeoutMs: number;
  redactPii: boolean;
  embeddedWorker: boolean;
  demoPassword: string | undefined;
  /** Seed demo accounts on an empty database: embedded by default, PostgreSQL only when asked. */
  seedDemo: boolean;
  auth: {
    /** Resolved at start-up (env, or a generated file in the data folder); required to build the app. */
    secret: string | undefined;
    publicUrl: string;
    trustedOrigins: string[];
    signInMax: number;
    signInWindowSeconds: number;
  };
  reviewsPerHour: number;
  retentionDays: number | undefined;
  mail: { smtpUrl: string | undefined; from: string };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings in a .env file mean "unset", as most dotenv tools treat them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const provider = env.PREJURY_PROVIDER ?? (env.OPENAI_API_KEY ? 'openai' : 'offline');
  if (provider === 'openai' && !env.OPENAI_API_KEY) {
    throw new ConfigError('PREJURY_PROVIDER=openai needs OPENAI_API_KEY (any value for a local server).');
  }
  const publicUrl = (env.PREJURY_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.PREJURY_DATA_DIR,
    provider,
    openai: {
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.PREJURY_MODEL,
      embeddingModel: env.PREJURY_EMBEDDING_MODEL,
    },
    llm: {
      timeoutMs: env.PREJURY_LLM_TIMEOUT_MS,
      maxRetries: env.PREJURY_LLM_MAX_RETRIES,
      concurrency: env.PREJURY_REVIEW_CONCURRENCY,
    },
    maxUploadBytes: Math.round(env.PREJURY_MAX_UPLOAD_MB * 1024 * 1024),
    parseTimeoutMs: env.PREJURY_PARSE_TIMEOUT_MS,
    redactPii: env.PREJURY_REDACT_PII,
    embeddedWorker: env.PREJURY_EMBEDDED_WORKER,
    demoPassword: env.PREJURY_DEMO_PASSWORD,
    seedDemo: env.PREJURY_SEED_DEMO ?? !env.DATABASE_URL,
    auth: {
      secret: env.PREJURY_AUTH_SECRET,
      publicUrl,
      trustedOrigins: [publicUrl],
      signInMax: env.PREJURY_SIGNIN_MAX_PER_MINUTE,
      signInWindowSeconds: 60,
    },
    reviewsPerHour: env.PREJURY_REVIEWS_PER_HOUR,
    retentionDays: env.PREJURY_RETENTION_DAYS,
    mail: { smtpUrl: env.PREJURY_SMTP_URL, from: env.PREJURY_MAIL_FROM },
  };
}

/** A configuration for tests: offline, silent, nothing read from the process environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PREJURY_PUBLIC_URL: 'http://localhost' });
  return {
    ...base,
    seedDemo: false,
    // Tests sign many users in from one address; the rate-limit test lowers this again.
    auth: { ...base.auth, secret: 'test-secret-test-secret-test-secret-0000', signInMax: 1000 },
    reviewsPerHour: 1000,
    ...overrides,
  };
}
