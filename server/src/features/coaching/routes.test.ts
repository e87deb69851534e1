import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubChatModel } from '../../lib/llm/testing/stub-clients';
import { type StubChatCall, type StubServer, startStubServer } from '../../lib/llm/testing/stub-server';
import type { ChatModel } from '../../lib/llm/types';
import { createTestApp, disclosuresOf, uploadForm } from '../../testing';
import { getExam } from '../referential';
import { createRetriever } from '../reviews/retrieval';
import type { GapReport } from '../reviews/schemas';
import { COACH_POLICY_FR } from './integrity';
import { OFFLINE_LABEL } from './offline-answer';
import { CoachAnswerSchema, ConversationSchema, ExamBriefSchema, OralPrepSchema } from './schemas';
import { type CoachingService, createCoachingService } from './service';
import { coachTestApp } from './test-helpers';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A fictional company's draft for « Diagnostics stratégiques », four pages separated by form feeds. */
const PAGES = [
  `# Introduction

Ce dossier étudie Verdure SA, une coopérative fictive de distribution de produits biologiques implantée dans l'Ouest de la France. Nous cherchons à savoir comment l'entreprise peut retrouver de la croissance sur un marché qui ralentit.`,
  `# Diagnostic externe

L'analyse PESTEL montre que la loi EGalim impose une part de produits biologiques en restauration collective, ce qui ouvre un débouché durable aux fournisseurs régionaux. Selon l'Agence Bio (2023), les ventes de produits biologiques ont reculé de 4,6 % en 2022, car l'inflation pèse sur le pouvoir d'achat des ménages.`,
  `# Concurrence

Les cinq forces de Porter révèlent une rivalité forte, puisque les grandes surfaces réalisent plus de la moitié des ventes de produits biologiques. Le pouvoir de négociation des clients augmente, car les consommateurs comparent désormais les prix en ligne avant chaque achat.`,
  `# Méthodologie de veille

Notre veille repose sur des alertes Google et sur les rapports annuels de l'Agence Bio, que nous recoupons avec les données de l'INSEE chaque mois afin de vérifier la fiabilité des chiffres.`,
];
const DRAFT = PAGES.join('\n\f\n');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

async function upload(t: TestApp, examId = 'b1-diagnostics-strategiques', text = DRAFT) {
  const res = await t.app.request('/api/dossiers', {
    method: 'POST',
    body: uploadForm({ name: 'brouillon.md', bytes: text }, { examId }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

function post(app: ReturnType<typeof coachTestApp>, path: string, body: unknown) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function coachService(t: TestApp, chat: ChatModel | null): CoachingService {
  return createCoachingService({
    database: t.database,
    retriever: createRetriever(t.database, t.services.embedder),
    chat,
    reviews: t.services.reviews,
  });
}

/** Lines of an answer that are prose: not a label, heading, list item, question or the refusal itself. */
function proseLines(answer: string, allowed: readonly string[]) {
  return answer
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .filter(
      (line) =>
        !allowed.includes(line) &&
        !line.endsWith(':') &&
        !/^(?:- |\d+\. )/.test(line) &&
        !line.endsWith('?') &&
        !line.startsWith('Je ne rédige pas'),
    );
}

// One app and database for the whole file: building one takes seconds, and every test uses its own dossiers.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('exam briefs over HTTP', () => {
  let app: ReturnType<typeof coachTestApp>;
  beforeAll(() => {
    app = coachTestApp(coachService(t, null));
  });

  it('serves the brief as JSON (DESIGN contract) and as a Markdown checklist', async () => {
    const res = await app.request('/api/exams/b4-negociation-complexe/brief');
    expect(res.status).toBe(200);
    const brief = ExamBriefSchema.parse(await res.json());
    expect(brief.outline.length).toBeGreaterThan(2);
    expect(brief.methods.map((m) => m.id)).toContain('soncas-simac');
    expect(brief.pitfalls.length).toBeGreaterThan(0);

    const md = await app.request('/api/exams/b4-negociation-complexe/brief.md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain('prejury-fiche-b4-negociation-complexe.md');
    expect(await md.text()).toContain('- [ ] **L1** — ');
  });

  it('answers 404 with the JSON error contract for an unknown exam', async () => {
    const res = await app.request('/api/exams/b9-inconnue/brief');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect((await app.request('/api/exams/b9-inconnue/brief.md')).status).toBe(404);
  });
});

describe('the coach, offline', () => {
  let app: ReturnType<typeof coachTestApp>;
  let dossierId: string;
  beforeAll(async () => {
    app = coachTestApp(coachService(t, null));
    dossierId = (await upload(t)).id;
  });

  it("answers from the candidate's own pages and the exam's criteria, labelled as offline", async () => {
    const res = await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, {
      message: 'Mon analyse PESTEL suffit-elle pour le diagnostic externe ?',
    });
    expect(res.status).toBe(200);
    const body = CoachAnswerSchema.parse(await res.json());
    expect(body.mode).toBe('offline');
    expect(body.refused).toBe(false);
    expect(body.answer.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(body.answer).toContain('K2');
    expect(body.answer).toContain('PESTEL');
    expect(body.answer).toContain('?');
    // The quote is the candidate's own sentence, on the page where it is.
    const quoted = body.citations.filter((c) => c.quote);
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) {
      expect(c.page).toBeDefined();
      expect(flat(PAGES[(c.page ?? 0) - 1])).toContain(flat(c.quote ?? ''));
    }
    expect(quoted.find((c) => c.criterionId === 'K2')).toMatchObject({ page: 2 });
    expect(quoted.find((c) => c.quote?.includes('loi EGalim'))).toBeDefined();
    expect(body.answer).toContain('p. 2 : « ');
  });

  it('names the gaps of the latest finished review of the version', async () => {
    const requested = await t.app.request(`/api/dossiers/${dossierId}/versions/1/reviews`, {
      method: 'POST',
    });
    expect(requested.status).toBe(202);
    await t.settle();
    const body = CoachAnswerSchema.parse(
      await (
        await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, {
          message: 'Que manque-t-il à ma méthodologie de veille et à mes sources ?',
        })
      ).json(),
    );
    expect(body.citations.map((c) => c.criterionId)).toContain('K1');
    expect(body.answer).toContain('Écarts relevés par votre dernière revue');
    expect(body.answer).toMatch(/K1 \(\d\/4, \w+\)/);
    expect(body.answer).not.toContain('Aucune revue terminée');
  });

  it('refuses to draft a section, answering with guidance and questions instead', async () => {
    const res = await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, {
      message: "Rédige l'introduction de mon dossier à ma place, s'il te plaît.",
    });
    const body = CoachAnswerSchema.parse(await res.json());
    expect(body.refused).toBe(true);
    expect(body.mode).toBe('offline');
    expect(body.answer).toContain('Je ne rédige pas');
    expect(body.answer).toContain('Une démarche pour construire cette partie');
    expect(body.answer.match(/\?/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(body.answer).toContain("« l'introduction »");
    // Guidance only: no drafted paragraph anywhere in the answer.
    expect(proseLines(body.answer, [OFFLINE_LABEL])).toEqual([]);
    // The introduction's criteria and its place in the suggested outline.
    expect(body.answer).toContain('Introduction : contexte, problématique et annonce du plan');
    expect(body.citations.map((c) => c.criterionId)).toContain('K7');
  });

  it('validates the message: 1 to 2000 characters of JSON', async () => {
    const path = `/api/dossiers/${dossierId}/versions/1/coach`;
    expect((await post(app, path, { message: '   ' })).status).toBe(400);
    expect((await post(app, path, { message: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post(app, path, {})).status).toBe(400);
    const notJson = await app.request(path, { method: 'POST', body: 'message=bonjour' });
    expect(notJson.status).toBe(415);
    const missing = await post(app, '/api/dossiers/00000000-0000-4000-8000-000000000000/versions/1/coach', {
      message: 'Bonjour',
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('streams the answer as delta events, then done with the citations', async () => {
    const res = await post(app, `/api/dossiers/${dossierId}/versions/1/coach/stream`, {
      message: 'Comment améliorer mon analyse de la concurrence ?',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = [...(await res.text()).matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2]),
    }));
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    expect(done?.data).toMatchObject({ mode: 'offline', refused: false });
    expect(done?.data.citations.some((c: { quote?: string }) => c.quote)).toBe(true);
    const answer = deltas.map((d) => d.data.text).join('');
    const conversation = ConversationSchema.parse(
      await (await app.request(`/api/dossiers/${dossierId}/versions/1/coach`)).json(),
    );
    const stored = conversation.messages.at(-1);
    expect(stored).toMatchObject({ role: 'assistant', content: answer, id: done?.data.messageId });

    const missing = await post(
      app,
      '/api/dossiers/00000000-0000-4000-8000-000000000000/versions/1/coach/stream',
      {
        message: 'Bonjour',
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('stores the conversation with the version and deletes it with the dossier', async () => {
    const other = (await upload(t)).id;
    await post(app, `/api/dossiers/${other}/versions/1/coach`, { message: 'Mon PESTEL est-il complet ?' });
    await post(app, `/api/dossiers/${other}/versions/1/coach`, {
      message: 'Fais-moi la partie sur la concurrence',
    });
    const res = await app.request(`/api/dossiers/${other}/versions/1/coach`);
    expect(res.status).toBe(200);
    const conversation = ConversationSchema.parse(await res.json());
    expect(conversation.policy.fr).toBe(COACH_POLICY_FR);
    expect(conversation.messages.map((m) => [m.role, m.mode, m.refused])).toEqual([
      ['user', null, false],
      ['assistant', 'offline', false],
      ['user', null, false],
      ['assistant', 'offline', true],
    ]);
    expect(conversation.messages[0].content).toBe('Mon PESTEL est-il complet ?');
    expect(conversation.messages[1].citations.length).toBeGreaterThan(0);
    // Another version of the same dossier has its own (empty) conversation.
    expect((await app.request(`/api/dossiers/${other}/versions/2/coach`)).status).toBe(404);

    const count = async (id: string) =>
      (
        await t.database.query<{ n: number }>(
          'select count(*)::int as n from coach_messages where dossier_id = $1',
          [id],
        )
      )[0].n;
    expect(await count(other)).toBe(4);
    expect((await t.app.request(`/api/dossiers/${other}`, { method: 'DELETE' })).status).toBe(204);
    expect(await count(other)).toBe(0);
    expect((await app.request(`/api/dossiers/${other}/versions/1/coach`)).status).toBe(404);
    // The other dossier's conversation is untouched.
    expect(await count(dossierId)).toBeGreaterThan(0);
  });
});

describe('the coach with a model (stub server, real SDK)', () => {
  let stub: StubServer;
  let app: ReturnType<typeof coachTestApp>;
  let dossierId: string;
  const invented = "L'entreprise a triplé son chiffre d'affaires en Asie grâce à une application mobile.";

  /** Answers by quoting the first real sentence of the fenced draft, plus an invented quote. */
  function quotingResponder(call: StubChatCall) {
    const fenced =
      /<<<BROUILLON id=(\w+)>>>\n([\s\S]*?)\n<<<FIN BROUILLON id=\1>>>/.exec(call.prompt)?.[2] ?? '';
    const first = /\[p\. (\d+)[^\]]*\] ([\s\S]*?)(?:\n\n\[p\.|$)/.exec(fenced);
    const sentence = (first?.[2] ?? '').split(/(?<=[.!?])\s+/).find((s) => s.length >= 40) ?? '';
    return {
      answer:
        'Votre diagnostic externe s’appuie sur des données datées, mais la conclusion pour l’entreprise manque. Quelle décision en tirez-vous ?',
      citations: [
        { page: Number(first?.[1] ?? 1), criterionId: 'K2', quote: sentence },
        { page: 3, criterionId: 'K2', quote: invented },
        { page: null, criterionId: 'K99', quote: null },
      ],
    };
  }

  beforeAll(async () => {
    stub = await startStubServer({ responder: quotingResponder });
    const chat = stubChatModel(stub, { model: 'stub-model', timeoutMs: 10_000 });
    app = coachTestApp(coachService(t, chat));
    dossierId = (await upload(t)).id;
  });
  afterAll(async () => {
    await stub.close();
  });

  it('keeps the verified quote, drops the invented one and the unknown criterion', async () => {
    stub.reset();
    stub.setResponder(quotingResponder);
    const res = await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, {
      message: 'Mon analyse PESTEL est-elle assez argumentée ?',
    });
    expect(res.status).toBe(200);
    const body = CoachAnswerSchema.parse(await res.json());
    expect(body).toMatchObject({ mode: 'model', refused: false, droppedQuotes: 1 });
    expect(body.answer).toContain('Quelle décision en tirez-vous ?');
    expect(body.citations).toHaveLength(1);
    const [citation] = body.citations;
    expect(citation.criterionId).toBe('K2');
    expect(flat(PAGES[(citation.page ?? 0) - 1])).toContain(flat(citation.quote ?? ''));
    expect(JSON.stringify(body)).not.toContain('triplé');

    // What the model was sent: the coach's system prompt, the draft fenced as data, the question fenced.
    const [request] = stub.requests.filter((r) => r.endpoint === 'chat');
    expect(request.prompt).toContain('Ne rédigez jamais');
    expect(request.prompt).toMatch(/<<<BROUILLON id=\w+>>>/);
    expect(request.prompt).toMatch(/<<<QUESTION id=\w+>>>\nMon analyse PESTEL est-elle assez argumentée \?/);
    expect(request.prompt).toContain('K2');
    // The transfer is on record: which provider and model received this version, redacted.
    expect(await disclosuresOf(t.database, dossierId)).toContainEqual({
      provider: 'openai',
      model: 'stub-model',
      purpose: 'coach',
      redacted: true,
    });
  });

  it('never sends a drafting request as a task, and the refusal ends with questions', async () => {
    stub.reset();
    // A model that answers without a single question: the coach still leaves the candidate with work to do.
    stub.setResponder(() => ({
      answer: 'Le coach ne rédige pas le dossier. Commencez par rassembler vos sources sur le secteur.',
      citations: [{ page: null, criterionId: 'K3', quote: null }],
    }));
    const message = "Peux-tu rédiger l'introduction de mon dossier sur Verdure SA ?";
    const body = CoachAnswerSchema.parse(
      await (await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, { message })).json(),
    );
    expect(body).toMatchObject({ mode: 'model', refused: true });
    expect(body.answer).toContain('Pour avancer');
    expect(body.answer).toContain('?');
    expect(body.citations).toEqual([{ criterionId: 'K3' }]);

    const [request] = stub.requests.filter((r) => r.endpoint === 'chat');
    expect(request.prompt).not.toContain(message);
    expect(request.prompt).not.toMatch(/<<<QUESTION id=\w+>>>/);
    expect(request.prompt).toContain('Demande du candidat (refusée)');
    expect(request.prompt).toContain("n'en rédigez rien");
  });

  it('answers offline, saying so, when the model fails', async () => {
    stub.reset();
    stub.enqueue({ type: 'server_error', status: 500 });
    const body = CoachAnswerSchema.parse(
      await (
        await post(app, `/api/dossiers/${dossierId}/versions/1/coach`, {
          message: 'Mon PESTEL est-il complet ?',
        })
      ).json(),
    );
    expect(body.mode).toBe('offline');
    expect(body.answer).toMatch(/^Le modèle d'IA n'a pas pu répondre \(\w+\)/);
    expect(body.answer).toContain(OFFLINE_LABEL);
  });
});

describe('oral preparation from a finished review', () => {
  let app: ReturnType<typeof coachTestApp>;
  beforeAll(() => {
    app = coachTestApp(coachService(t, null));
  });

  it('asks about the weakest criteria first, with what a strong answer contains and a timed plan', async () => {
    const { id } = await upload(t);
    const requested = await (
      await t.app.request(`/api/dossiers/${id}/versions/1/reviews`, { method: 'POST' })
    ).json();
    await t.settle();
    const review = await (await t.app.request(`/api/reviews/${requested.id}`)).json();
    expect(review.status).toBe('done');
    const report = review.report as GapReport;

    const res = await app.request(`/api/reviews/${requested.id}/oral`);
    expect(res.status).toBe(200);
    const oral = OralPrepSchema.parse(await res.json());
    const exam = getExam('b1-diagnostics-strategiques');
    expect(oral).toMatchObject({ reviewId: requested.id, examId: exam?.id, oralMinutes: 30, language: 'fr' });
    expect(oral.questions.length).toBe(6);
    const scoreOf = new Map(report.criteria.map((c) => [c.id, c.score]));
    const scores = oral.questions.map((q) => scoreOf.get(q.criterionId) ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(Math.min(...scores)).toBe(Math.min(...report.criteria.map((c) => c.score)));
    for (const q of oral.questions) {
      expect(exam?.criteria.map((c) => c.id)).toContain(q.criterionId);
      expect(q.question).toMatch(/[?.]$/);
      expect(q.strongAnswer.length).toBeGreaterThanOrEqual(3);
      expect(q.score).toBe(scoreOf.get(q.criterionId));
    }
    expect(new Set(oral.questions.map((q) => q.question)).size).toBe(oral.questions.length);
    expect(oral.practice).toMatchObject({ minutes: 30, perCandidate: false, assumed: false });
    expect(oral.practice.suggestedSplit.reduce((n, p) => n + p.minutes, 0)).toBe(30);
    expect(oral.notes.join(' ')).toContain('hors ligne');
  });

  it('times collective exams per candidate and says when the referential gives no length', async () => {
    for (const [examId, minutes, perCandidate, assumed] of [
      ['b6-entrepreneuriat', 10, true, false],
      ['b1-audit-rse', 20, false, true],
    ] as const) {
      const { id } = await upload(t, examId);
      const requested = await (
        await t.app.request(`/api/dossiers/${id}/versions/1/reviews`, { method: 'POST' })
      ).json();
      await t.settle();
      const oral = OralPrepSchema.parse(
        await (await app.request(`/api/reviews/${requested.id}/oral`)).json(),
      );
      expect(oral.practice).toMatchObject({ minutes, perCandidate, assumed });
      expect(oral.practice.suggestedSplit.reduce((n, p) => n + p.minutes, 0)).toBe(minutes);
      expect(oral.questions.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('answers 404 for an unknown review', async () => {
    const res = await app.request('/api/reviews/00000000-0000-4000-8000-000000000000/oral');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
