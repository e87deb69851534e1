import { OpenAPIHono } from '@hono/zod-openapi';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../lib/errors';
import { AppError, errorBody } from '../../lib/errors';
import { REAL30_BY_CRITERION, REAL30_OVERALL, REAL30_PAIRS, summaryMismatches } from './fixtures';
import type { AgreementSummary } from './metrics';
import { agreementRoutes } from './routes';
import type { AgreementResponse } from './schemas';

/** The app as server/src/app.ts wires it: the sub-app mounted, and one onError for AppError. */
function buildApp() {
  const app = new OpenAPIHono().route('/api/calibration/agreement', agreementRoutes());
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err), err.status);
    return c.json({ error: { code: 'internal', message: 'Erreur interne' } }, 500);
  });
  return app;
}

const app = buildApp();

function post(body: string, contentType: string | null = 'application/json') {
  return app.request('/api/calibration/agreement', {
    method: 'POST',
    body,
    headers: contentType === null ? {} : { 'content-type': contentType },
  });
}

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody['error']> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error;
}

function expectSummary(actual: AgreementSummary, expected: AgreementSummary): void {
  expect(summaryMismatches(actual, expected)).toEqual([]);
}

describe('POST /api/calibration/agreement', () => {
  it('returns the reference metrics overall and per criterion (keys sorted)', async () => {
    const res = await post(JSON.stringify({ min: 0, max: 4, pairs: REAL30_PAIRS }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as AgreementResponse;
    expect(Object.keys(body)).toEqual(['overall', 'criteria']);
    expect(Object.keys(body.criteria)).toEqual(['C1', 'C2', 'C3']);
    expectSummary(body.overall, REAL30_OVERALL);
    expect(body.overall.qwk).toBeCloseTo(0.7052740434332989, 9);
    expect(body.overall.smd).toBeCloseTo(0.224179415327122, 9);
    expectSummary(body.criteria.C1, REAL30_BY_CRITERION.C1);
    expectSummary(body.criteria.C2, REAL30_BY_CRITERION.C2);
    expectSummary(body.criteria.C3, REAL30_BY_CRITERION.C3);
    // Every figure carries n and its 95 % interval; 10 pairs per criterion are too few to judge.
    expect([body.overall.n, body.overall.sufficient]).toEqual([30, true]);
    expect(body.overall.ci.qwk?.[0]).toBeLessThan(0.7052740434332989);
    expect(body.overall.ci.qwk?.[1]).toBeGreaterThan(0.7052740434332989);
    expect(Object.values(body.criteria).map((c) => c.sufficient)).toEqual([false, false, false]);
  });

  it('sends undefined metrics as null', async () => {
    const pairs = [
      { criterionId: 'a', human: 2, ai: 2 },
      { criterionId: 'a', human: 2, ai: 2 },
    ];
    const res = await post(JSON.stringify({ min: 0, max: 4, pairs }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as AgreementResponse;
    expect(body.criteria.a).toEqual({
      n: 2,
      qwk: null,
      kappa: null,
      exact: 1,
      adjacent: 1,
      mae: 0,
      smd: null,
      bias: 0,
      humanMean: 2,
      aiMean: 2,
      // Two identical pairs: every resample agrees perfectly; the kappas stay undefined.
      ci: {
        level: 0.95,
        resamples: 1000,
        qwk: null,
        kappa: null,
        exact: [1, 1],
        adjacent: [1, 1],
        mae: [0, 0],
        smd: null,
        bias: [0, 0],
      },
      minN: 20,
      sufficient: false,
    });
  });

  it('accepts a charset in the content type', async () => {
    const res = await post(
      JSON.stringify({ min: 1, max: 5, pairs: [{ criterionId: 'x', human: 5, ai: 1 }] }),
      'application/json; charset=utf-8',
    );
    expect(res.status).toBe(200);
  });

  it('400 when pairs is missing', async () => {
    const error = await expectError(await post(JSON.stringify({ min: 0, max: 4 })), 400, 'invalid_request');
    expect(error.message).toBe('Requête invalide : pairs : tableau attendu.');
    expect(error.details).toEqual({ issues: [{ path: 'pairs', message: 'tableau attendu' }] });
  });

  it('400 when pairs is empty', async () => {
    const error = await expectError(
      await post(JSON.stringify({ min: 0, max: 4, pairs: [] })),
      400,
      'invalid_request',
    );
    expect(error.message).toBe('Requête invalide : pairs : au moins 1 élément attendu(s).');
  });

  it('400 when max ≤ min', async () => {
    const pairs = [{ criterionId: 'a', human: 2, ai: 2 }];
    for (const [min, max] of [
      [4, 4],
      [4, 0],
    ]) {
      const error = await expectError(
        await post(JSON.stringify({ min, max, pairs })),
        400,
        'invalid_request',
      );
      expect(error.message).toBe('Requête invalide : max : max doit être strictement supérieur à min.');
    }
  });

  it('400 when the scale is absurdly wide', async () => {
    const pairs = [{ criterionId: 'a', human: 2, ai: 2 }];
    const error = await expectError(
      await post(JSON.stringify({ min: 0, max: 1_000_000, pairs })),
      400,
      'invalid_request',
    );
    expect(error.message).toContain('au plus 101 niveaux');
  });

  it('400 naming the pair whose score is outside [min, max]', async () => {
    const pairs = [...REAL30_PAIRS.slice(0, 7), { criterionId: 'C2', human: 5, ai: 4 }];
    const error = await expectError(
      await post(JSON.stringify({ min: 0, max: 4, pairs })),
      400,
      'invalid_request',
    );
    expect(error.message).toBe("pairs[7] : la note humaine (5) n'est pas un entier entre 0 et 4.");
    expect(error.details).toEqual({ at: 'pairs[7]', field: 'human', value: 5 });
  });

  it('400 on wrong types, with the path of each issue', async () => {
    const body = {
      min: '0',
      max: 4,
      pairs: [
        { criterionId: 'a', human: 1.5, ai: 2 },
        { criterionId: 7, human: 1, ai: null },
      ],
    };
    const error = await expectError(await post(JSON.stringify(body)), 400, 'invalid_request');
    expect(error.message).toBe(
      'Requête invalide : min : nombre attendu ; pairs[0].human : entier attendu ; ' +
        'pairs[1].criterionId : chaîne de caractères attendu ; pairs[1].ai : nombre attendu.',
    );
  });

  it('400 when the body is not an object', async () => {
    const error = await expectError(await post('[1, 2]'), 400, 'invalid_request');
    expect(error.message).toBe('Requête invalide : corps : objet attendu.');
  });

  it('400 when the body is not JSON', async () => {
    const error = await expectError(await post('{"min": 0, "max": 4, pairs: ['), 400, 'invalid_request');
    expect(error.message).toBe("Le corps de la requête n'est pas un JSON valide.");
    await expectError(await post(''), 400, 'invalid_request');
  });

  it('415 JSON error when the body is not sent as JSON', async () => {
    const body = JSON.stringify({ min: 0, max: 4, pairs: REAL30_PAIRS });
    await expectError(await post(body, 'text/plain'), 415, 'unsupported_media_type');
    await expectError(await post(body, null), 415, 'unsupported_media_type');
  });

  it('lists at most five issues in the message, and counts the rest', async () => {
    const pairs = Array.from({ length: 30 }, () => ({ criterionId: '', human: 1, ai: 1 }));
    const error = await expectError(
      await post(JSON.stringify({ min: 0, max: 4, pairs })),
      400,
      'invalid_request',
    );
    expect(error.message).toMatch(
      /^Requête invalide : pairs\[0\]\.criterionId : au moins 1 caractère attendu\(s\) ;/,
    );
    expect(error.message).toMatch(/\(et 25 autre\(s\) erreur\(s\)\)\.$/);
    expect((error.details as { issues: unknown[] }).issues).toHaveLength(20);
  });

  it('is typed end to end for hc<AppType> (what the web app uses)', async () => {
    const fetchViaApp: typeof fetch = async (input, init) => app.request(input, init);
    const client = hc<typeof app>('http://localhost', { fetch: fetchViaApp });
    const res = await client.api.calibration.agreement.$post({
      json: { min: 0, max: 4, pairs: REAL30_PAIRS },
    });
    if (res.status !== 200) throw new Error(`unexpected status ${res.status}`);
    const body = await res.json();
    // Compile-time check: the response type is inferred from AgreementResponseSchema.
    const qwk: number | null = body.overall.qwk;
    expect(qwk).toBeCloseTo(0.7052740434332989, 9);
    expectSummary(body.criteria.C2, REAL30_BY_CRITERION.C2);
  });

  it('is described in the OpenAPI document', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Préjury', version: 'test' } });
    const operation = doc.paths?.['/api/calibration/agreement']?.post;
    expect(operation?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/AgreementRequest' } } },
    });
    expect(Object.keys(operation?.responses ?? {})).toEqual(['200', '400', '415']);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['AgreementRequest', 'AgreementResponse', 'AgreementMetrics', 'Error']),
    );
  });

  it('handles 100 000 pairs', async () => {
    const pairs = Array.from({ length: 100_000 }, (_, k) => REAL30_PAIRS[k % 30]);
    const res = await post(JSON.stringify({ min: 0, max: 4, pairs }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as AgreementResponse;
    expect(body.overall.n).toBe(100_000);
    const tooMany = await post(JSON.stringify({ min: 0, max: 4, pairs: [...pairs, pairs[0]] }));
    const error = await expectError(tooMany, 400, 'invalid_request');
    expect(error.message).toBe('Requête invalide : pairs : au plus 100000 éléments attendu(s).');
  });
});
