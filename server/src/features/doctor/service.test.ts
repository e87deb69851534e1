import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/env';
import { createChatModel, createEmbedder } from '../../lib/llm/index';
import { type StubQuirks, startStubServer } from '../../lib/llm/testing/stub-server';
import { stubServerForTests } from '../../testing/for-tests';
import { renderDoctorTable } from './render';
import type { DoctorReport } from './schemas';
import { runDoctor } from './service';

/** The doctor against the stub's modes (real SDK over HTTP) and on the offline default. */

/** A tsx start on a loaded 2-core box. */
const DOCTOR_CLI_MS = 120_000;

const stub = stubServerForTests({ apiKey: 'doctor-key' });

let models = 0;
async function doctor(env: Record<string, string>, quirks: StubQuirks = {}) {
  stub.setQuirks(quirks);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: 'doctor-key',
    OPENAI_BASE_URL: stub.url,
    // A model name per run: what a server accepts is remembered per server and model.
    PREJURY_MODEL: `doctor-model-${++models}`,
    PREJURY_LLM_MAX_RETRIES: '0',
    ...env,
  });
  return runDoctor({ config, chat: createChatModel(config), embedder: createEmbedder(config) });
}

const statuses = (report: DoctorReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

describe('runDoctor', () => {
  it('on the offline default: no server, the offline analyzer grades the sample, ready', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const report = await runDoctor({
      config,
      chat: createChatModel(config),
      embedder: createEmbedder(config),
    });
    expect(report).toMatchObject({
      ok: true,
      provider: 'offline',
      profile: null,
      embeddingModel: 'offline-hash-v1-384',
    });
    expect(statuses(report)).toEqual({ connection: 'skip', grading: 'ok', embeddings: 'ok' });
    expect(stub.requests).toHaveLength(0);
  });

  it('on a server that does everything: all green, cached tokens seen, a price per review', async () => {
    const report = await doctor({
      PREJURY_PRICE_INPUT_PER_MTOK: '0.15',
      PREJURY_PRICE_OUTPUT_PER_MTOK: '0.6',
    });
    expect(report).toMatchObject({
      ok: true,
      provider: 'openai',
      profile: 'openai',
      structuredOutput: 'json_schema',
    });
    expect(statuses(report)).toEqual({
      connection: 'ok',
      structured_output: 'ok',
      grading: 'ok',
      latency: 'ok',
      usage: 'ok',
      cache: 'ok',
      price: 'ok',
      embeddings: 'ok',
    });
    expect(check(report, 'price')?.detail).toMatch(/^≈ 0\.\d{4} par revue de \d+ critères/);
    expect(check(report, 'embeddings')?.detail).toBe('text-embedding-3-small : 1536 dimensions.');
    // Two grading calls and one embedding call, nothing else.
    expect(stub.requests.map((r) => r.endpoint)).toEqual(['chat', 'chat', 'embeddings']);
  });

  it('names the structured-output path a server accepts, and the setting that skips the refusal', async () => {
    const jsonMode = await doctor({}, { rejectJsonSchema: true });
    expect(jsonMode).toMatchObject({ ok: true, structuredOutput: 'json_object' });
    expect(check(jsonMode, 'structured_output')).toMatchObject({
      status: 'warn',
      fix: 'PREJURY_STRUCTURED_OUTPUT=json_object évite la tentative refusée au premier appel.',
    });
    const promptOnly = await doctor(
      {},
      { rejectJsonSchema: true, rejectJsonObject: true, wrapJson: 'prose' },
    );
    expect(promptOnly).toMatchObject({ ok: true, structuredOutput: 'prompt' });
    expect(statuses(promptOnly)).toMatchObject({ structured_output: 'warn', grading: 'ok' });
  });

  it('says when usage is not reported (and then gives no price)', async () => {
    const report = await doctor({ PREJURY_PRICE_INPUT_PER_MTOK: '1' }, { noUsage: true });
    expect(report.ok).toBe(true);
    expect(statuses(report)).toMatchObject({ usage: 'warn', cache: 'warn', price: 'skip' });
    expect(check(report, 'usage')?.detail).toContain('ne renvoie pas « usage »');
  });

  it('fails on a chat-only server with the setting to change, and passes with offline embeddings', async () => {
    const failing = await doctor({}, { noEmbeddings: true });
    expect(failing.ok).toBe(false);
    expect(check(failing, 'embeddings')).toMatchObject({ status: 'fail' });
    expect(check(failing, 'embeddings')?.fix).toContain('PREJURY_EMBEDDINGS=offline');
    const fixed = await doctor({ PREJURY_EMBEDDINGS: 'offline' }, { noEmbeddings: true });
    expect(fixed.ok).toBe(true);
    expect(fixed.embeddingModel).toBe('offline-hash-v1-384');
  });

  it('reads float-array embeddings at their full size, and names the dimension setting on a mismatch', async () => {
    const floats = await doctor({ PREJURY_EMBEDDING_MODEL: 'nomic-embed-text' }, { floatEmbeddings: true });
    expect(check(floats, 'embeddings')).toMatchObject({
      status: 'ok',
      detail: 'nomic-embed-text : 1536 dimensions.',
    });
    const mismatch = await doctor({ PREJURY_LLM_PROFILE: 'ollama' }, { floatEmbeddings: true });
    expect(check(mismatch, 'embeddings')?.detail).toContain('PREJURY_EMBEDDING_DIMENSIONS=1536');
    expect(mismatch.ok).toBe(false);
  });

  it('checks Azure through its deployment paths and api-key header', async () => {
    const azure = await startStubServer({ apiKey: 'azure-key', quirks: { azure: true } });
    try {
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        PREJURY_LLM_PROFILE: 'azure',
        OPENAI_API_KEY: 'azure-key',
        OPENAI_BASE_URL: azure.origin,
        PREJURY_MODEL: 'grader-deployment',
        PREJURY_LLM_MAX_RETRIES: '0',
      });
      const report = await runDoctor({
        config,
        chat: createChatModel(config),
        embedder: createEmbedder(config),
      });
      expect(report).toMatchObject({ ok: true, profile: 'azure', model: 'grader-deployment' });
      expect(azure.requests.every((r) => r.path.startsWith('/openai/deployments/'))).toBe(true);
    } finally {
      await azure.close();
    }
  });

  it('fails with what to change on a wrong key and on an unreachable server', async () => {
    const wrongKey = await doctor({ OPENAI_API_KEY: 'wrong' });
    expect(wrongKey.ok).toBe(false);
    expect(check(wrongKey, 'connection')).toMatchObject({ status: 'fail' });
    expect(check(wrongKey, 'connection')?.fix).toContain('OPENAI_API_KEY');
    const unreachable = await doctor({
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      PREJURY_EMBEDDINGS: 'offline',
    });
    expect(check(unreachable, 'connection')?.fix).toContain('OPENAI_BASE_URL');
    expect(renderDoctorTable(unreachable)).toContain('À changer :');
  });
});

describe('npm run doctor', () => {
  it(
    'prints the French table and exits 1 with what to change',
    async () => {
      stub.setQuirks({ noEmbeddings: true });
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] => e[1] !== undefined && !/^(OPENAI_|AZURE_|PREJURY_)/.test(e[0]),
        ),
      );
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/doctor.ts'], {
        cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
        env: { ...env, OPENAI_API_KEY: 'doctor-key', OPENAI_BASE_URL: stub.url, PREJURY_MODEL: 'doctor-cli' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += String(d);
      });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(code).toBe(1);
      expect(stdout).toContain('| Vérification');
      expect(stdout).toMatch(/\| Embeddings +\| ÉCHEC +\|/);
      expect(stdout).toContain('PREJURY_EMBEDDINGS=offline');
      expect(stdout).toContain('Verdict : à corriger avant le premier dépôt.');
    },
    DOCTOR_CLI_MS,
  );
});
