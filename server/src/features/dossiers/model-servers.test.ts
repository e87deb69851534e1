import { afterEach, describe, expect, it } from 'vitest';
import { type Config, testConfig } from '../../lib/env';
import { createTestApp, tableCounts, uploadForm } from '../../testing';
import { stubServerForTests } from '../../testing/for-tests';
import { getExam } from '../referential';

/*
 * Uploads and reviews through the app against servers as they are: a chat-only server (no /v1/embeddings)
 * must never make an upload fail, with or without PREJURY_EMBEDDINGS=offline. Real SDK, real HTTP, real DB.
 */

const DOSSIER = `# Audit RSE de Transports Meunier

## 1. Rapport de veille réglementaire

La directive CSRD impose à partir de l'exercice 2025 un rapport de durabilité aux entreprises de plus de 250 salariés.
Transports Meunier, 310 salariés et 48 M€ de chiffre d'affaires, y est soumise ; la loi AGEC complète ces obligations.

## 2. Audit de la politique RSE

Les engagements actuels portent sur la flotte (22 % de véhicules au gaz naturel) et l'index égalité (82/100).

## 3. Plan d'actions RSE

Bilan carbone des scopes 1, 2 et 3 au deuxième trimestre 2025, formation à l'éco-conduite au troisième.
`;

const stub = stubServerForTests();
let t: Awaited<ReturnType<typeof createTestApp>> | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

function modelConfig(embeddings: 'provider' | 'offline'): Partial<Config> {
  const base = testConfig();
  return {
    provider: 'openai',
    openai: { ...base.openai, apiKey: 'k', baseURL: stub.url, model: 'stub-grader', embeddings },
    llm: { ...base.llm, maxRetries: 0 },
  };
}

async function uploadAndReview(app: NonNullable<typeof t>) {
  const created = await app.app.request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'audit.md', bytes: DOSSIER }, { examId: 'b1-audit-rse' }),
  });
  expect(created.status).toBe(201);
  const dossier = (await created.json()) as { id: string };
  const requested = await app.app.request(`/api/dossiers/${dossier.id}/versions/1/reviews`, {
    method: 'POST',
  });
  expect(requested.status).toBe(202);
  const { id } = (await requested.json()) as { id: string };
  await app.settle();
  const review = (await (await app.app.request(`/api/reviews/${id}`)).json()) as {
    status: string;
    report: {
      provider: string;
      criteria: {
        id: string;
        status: string;
        provenance?: { retrieval: string; structuredOutput?: string };
      }[];
      flags: { code: string }[];
    };
  };
  return { dossierId: dossier.id, review };
}

const criteriaIds = getExam('b1-audit-rse')?.criteria.map((c) => c.id) ?? [];

describe('a chat-only server (404 on /v1/embeddings)', () => {
  it('stores the upload without vectors, grades with full-text retrieval, flags it, and re-embeds later', async () => {
    stub.setQuirks({ noEmbeddings: true });
    // Passage search (not the whole dossier) so that retrieval, and its fallback, is exercised.
    t = await createTestApp({
      config: modelConfig('provider'),
      overrides: { retrieval: { topK: 4, wholeDossierMaxWords: 0 } },
    });
    const { review } = await uploadAndReview(t);
    expect(stub.requests.some((r) => r.endpoint === 'embeddings')).toBe(true);
    expect(review.status).toBe('done');
    expect(review.report.criteria.map((c) => [c.id, c.status])).toEqual(
      criteriaIds.map((id) => [id, 'done']),
    );
    expect(review.report.criteria.every((c) => c.provenance?.retrieval === 'text_only')).toBe(true);
    expect(review.report.flags.map((f) => f.code)).toContain('embeddings_unavailable');
    const counts = await tableCounts(t.database);
    expect(counts).toMatchObject({ dossiers: 1, dossier_versions: 1, embeddings: 0 });

    // The server gets its embeddings back: what is missing is embedded (the next review does this first).
    stub.setQuirks({});
    const [version] = await t.database.query<{ id: string }>('select id from dossier_versions');
    expect(await t.services.dossiers.embedMissing(version?.id ?? '')).toBe(true);
    const after = await tableCounts(t.database);
    expect(after.embeddings).toBe(after.passages);
  });

  it('with PREJURY_EMBEDDINGS=offline: embeds offline, never calls /v1/embeddings, no flag', async () => {
    stub.setQuirks({ noEmbeddings: true });
    t = await createTestApp({
      config: modelConfig('offline'),
      overrides: { retrieval: { topK: 4, wholeDossierMaxWords: 0 } },
    });
    const { review } = await uploadAndReview(t);
    expect(stub.requests.filter((r) => r.endpoint === 'embeddings')).toHaveLength(0);
    expect(review.status).toBe('done');
    expect(review.report.provider).toBe('openai');
    expect(review.report.criteria.every((c) => c.provenance?.retrieval === 'hybrid')).toBe(true);
    expect(review.report.flags.map((f) => f.code)).not.toContain('embeddings_unavailable');
    const counts = await tableCounts(t.database);
    expect(counts.embeddings).toBe(counts.passages);
    const [model] = await t.database.query<{ model: string }>('select distinct model from embeddings');
    expect(model?.model).toBe('offline-hash-v1-384');
  });
});
