import { describe, expect, it } from 'vitest';
import { appForTests } from './testing/for-tests';

const t = appForTests();

describe('API basics', () => {
  it('answers health with the database kind and the provider', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite', provider: 'offline' });
  });

  it('serves the referential with the contract shape', async () => {
    const res = await t.app.request('/api/referential');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.blocs).toHaveLength(6);
    expect(body.blocs[0]).toMatchObject({ id: 'B1', activities: expect.any(Array) });
    expect(body.blocs[0].activities[0].competencies[0]).toEqual({
      id: 'C1',
      code: 'B1.A1.C1',
      text: expect.stringContaining('macro-environnement'),
    });
  });

  it('lists the ten exams and serves one with modalities, deliverables and criteria', async () => {
    const list = await (await t.app.request('/api/exams')).json();
    expect(list.map((e: { id: string }) => e.id)).toEqual([
      'b1-diagnostics-strategiques',
      'b1-audit-rse',
      'b2-strategie-commerciale',
      'b2-challenge-commercial',
      'b3-salon-commercial',
      'b3-prospection',
      'b4-negociation-complexe',
      'b5-pilotage-performance',
      'b6-entrepreneuriat',
      'b6-management-interculturel',
    ]);
    const res = await t.app.request('/api/exams/b1-audit-rse');
    expect(res.status).toBe(200);
    const exam = await res.json();
    expect(exam).toMatchObject({
      id: 'b1-audit-rse',
      bloc: 'B1',
      competencies: ['C9', 'C10', 'C11', 'C12'],
      modalities: {
        mode: 'individual',
        pages: 10,
        annexesExcluded: true,
        oralMinutes: null,
        jury: 1,
        language: 'fr',
      },
    });
    expect(exam.deliverables[0]).toEqual({ id: 'L1', text: expect.stringContaining('veille réglementaire') });
    expect(exam.criteria[0]).toMatchObject({ id: 'K1', competencies: expect.any(Array) });
  });

  it('answers an unknown exam and an unknown route with a JSON 404', async () => {
    const exam = await t.app.request('/api/exams/b9-inexistant');
    expect(exam.status).toBe(404);
    expect(await exam.json()).toEqual({
      error: { code: 'not_found', message: 'Épreuve introuvable : b9-inexistant' },
    });
    const route = await t.app.request('/api/nothing-here');
    expect(route.status).toBe(404);
    expect((await route.json()).error.code).toBe('not_found');
  });

  it('publishes an OpenAPI document and a browsable reference page', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/exams/{id}',
        '/api/dossiers',
        '/api/reviews/{id}',
        '/api/calibration/agreement',
      ]),
    );
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    const asset = await t.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });

  it('sets secure headers with a strict content security policy and a request id', async () => {
    const res = await t.app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });
});
