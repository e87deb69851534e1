import { z } from 'zod';
import {
  AZURE_DEFAULT_API_VERSION,
  PROFILE_IDS,
  type ProfileId,
  SERVER_PROFILES,
  type ServerProfile,
  STRUCTURED_OUTPUT_MODES,
  type StructuredOutputMode,
} from './llm/profiles.data';

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
  /** Named model server (`llm/profiles.data.ts`): defaults for the URL, models, embeddings and output path. */
  PREJURY_LLM_PROFILE: z.enum(PROFILE_IDS).optional(),
  PREJURY_MODEL: z.string().optional(),
  PREJURY_EMBEDDING_MODEL: z.string().optional(),
  /** `offline`: the hashed embedder even with a chat model (servers without `/v1/embeddings`). */
  PREJURY_EMBEDDINGS: z.enum(['offline', 'provider']).optional(),
  PREJURY_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(16_000).optional(),
  /** The first structured-output path tried (a refusal falls back along json_schema → json_object → prompt). */
  PREJURY_STRUCTURED_OUTPUT: z.enum(STRUCTURED_OUTPUT_MODES as [StructuredOutputMode]).optional(),
  PREJURY_AZURE_API_VERSION: z.string().min(1).optional(),
  /** Prices per million tokens, any currency (`npm run doctor` prints the price of one review). */
  PREJURY_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  PREJURY_PRICE_CACHED_INPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  PREJURY_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).optional(),
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
  /**
   * Origins of OpenID Connect providers on a private network or loopback, comma-separated (better-auth
   * refuses to call private addresses otherwise). Public identity providers need nothing here.
   */
  PREJURY_SSO_PRIVATE_ISSUERS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const part of (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        try {
          origins.push(new URL(part).origin);
        } catch {
          ctx.addIssue({ code: 'custom', message: `not a URL: ${part}` });
        }
      }
      return origins;
    }),
  /** Per client address: caps password spraying; guessing one account is slowed by the per-account backoff. */
  PREJURY_SIGNIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  PREJURY_REVIEWS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  PREJURY_COACH_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Drafts (dossier versions other than the latest) older than this are purged; unset keeps them. */
  PREJURY_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /**
   * How long an API process may reuse a session it looked up (0: every request asks the database).
   * Bounds how late a sign-out, revoke-all, password reset or deactivation done through ANOTHER
   * process takes effect here; through this process they take effect at once.
   */
  PREJURY_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(5_000).default(5_000),
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
  openai: {
    apiKey: string | undefined;
    baseURL: string | undefined;
    model: string;
    embeddingModel: string;
    /** The named server profile (`openai` unless `PREJURY_LLM_PROFILE` says otherwise). */
    profile?: ProfileId;
    /** `provider`: the server's `/v1/embeddings`; `offline`: the hashed embedder beside a remote chat model. */
    embeddings?: 'provider' | 'offline';
    /** Expected size of the provider's vectors (checked on every answer). */
    embeddingDimensions?: number | undefined;
    /** The first structured-output path tried. */
    structuredOutput?: StructuredOutputMode;
    azureApiVersion?: string;
  };
  /** Prices per million tokens (any currency), when set. */
  prices?: { input: number; cachedInput: number; output: number } | undefined;
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
    /** Identity-provider origins on a private network that single sign-on may call (better-auth only). */
    ssoPrivateIssuers: string[];
    signInMax: number;
    signInWindowSeconds: number;
  };
  reviewsPerHour: number;
  coachPerHour: number;
  retentionDays: number | undefined;
  /** Session lookups reused for this long (≤ 5 s); see PREJURY_SESSION_CACHE_MS. */
  sessionCacheMs: number;
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
  const profile: ServerProfile = SERVER_PROFILES[env.PREJURY_LLM_PROFILE ?? 'openai'];
  // Naming a profile means "use that server"; a local one needs no key.
  const provider =
    env.PREJURY_PROVIDER ?? (env.OPENAI_API_KEY || env.PREJURY_LLM_PROFILE ? 'openai' : 'offline');
  if (provider === 'openai' && !env.OPENAI_API_KEY && profile.keyRequired) {
    throw new ConfigError(
      `PREJURY_PROVIDER=openai (profile ${profile.id}) needs OPENAI_API_KEY (any value for a local server).`,
    );
  }
  if (provider === 'openai' && profile.id === 'azure' && !env.OPENAI_BASE_URL) {
    throw new ConfigError(
      'PREJURY_LLM_PROFILE=azure needs OPENAI_BASE_URL: the endpoint of your resource, e.g. https://my-school.openai.azure.com',
    );
  }
  const price = {
    input: env.PREJURY_PRICE_INPUT_PER_MTOK,
    cachedInput: env.PREJURY_PRICE_CACHED_INPUT_PER_MTOK,
    output: env.PREJURY_PRICE_OUTPUT_PER_MTOK,
  };
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
      // Local servers ignore the key, but the SDK refuses an empty one.
      apiKey: env.OPENAI_API_KEY ?? (profile.keyRequired ? undefined : 'not-needed'),
      baseURL: env.OPENAI_BASE_URL ?? (profile.id === 'openai' ? undefined : profile.baseURL),
      model: env.PREJURY_MODEL ?? profile.model,
      embeddingModel: env.PREJURY_EMBEDDING_MODEL ?? profile.embeddingModel,
      profile: profile.id,
      embeddings: env.PREJURY_EMBEDDINGS ?? profile.embeddings,
      embeddingDimensions:
        env.PREJURY_EMBEDDING_DIMENSIONS ??
        (env.PREJURY_EMBEDDING_MODEL === undefined ? profile.embeddingDimensions : undefined),
      structuredOutput: env.PREJURY_STRUCTURED_OUTPUT ?? profile.structuredOutput,
      azureApiVersion: env.PREJURY_AZURE_API_VERSION ?? AZURE_DEFAULT_API_VERSION,
    },
    prices:
      price.input === undefined && price.output === undefined
        ? undefined
        : {
            input: price.input ?? 0,
            cachedInput: price.cachedInput ?? price.input ?? 0,
            output: price.output ?? 0,
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
      trustedOrigins: trustedOrigins(env.PREJURY_PUBLIC_URL, env.PORT),
      ssoPrivateIssuers: env.PREJURY_SSO_PRIVATE_ISSUERS,
      signInMax: env.PREJURY_SIGNIN_MAX_PER_MINUTE,
      signInWindowSeconds: 60,
    },
    reviewsPerHour: env.PREJURY_REVIEWS_PER_HOUR,
    coachPerHour: env.PREJURY_COACH_PER_HOUR,
    retentionDays: env.PREJURY_RETENTION_DAYS,
    sessionCacheMs: env.PREJURY_SESSION_CACHE_MS,
    mail: { smtpUrl: env.PREJURY_SMTP_URL, from: env.PREJURY_MAIL_FROM },
  };
}

/**
 * The origins allowed to send cookie-authenticated requests (better-auth and our CSRF check read the same
 * list): exactly `PREJURY_PUBLIC_URL` when set; otherwise the loopback spellings of the configured port,
 * since `http://localhost:8787`, `http://127.0.0.1:8787` and `http://[::1]:8787` are the same server.
 */
export function trustedOrigins(publicUrl: string | undefined, port: number): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`);
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
    coachPerHour: 1000,
    ...overrides,
  };
}
