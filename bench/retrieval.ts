/**
 * Passage retrieval on PGlite for one dossier of 300 passages: the exact scan the retriever runs today
 * (`retrieval.ts`: join on the dossier's passages, order by cosine distance) against an HNSW index. pgvector
 * indexes need a fixed dimension and the `embeddings.embedding` column has none, so the bench database gets
 * a partial expression index `((embedding::vector(384)) vector_cosine_ops) WHERE model = <offline model>`,
 * and the HNSW query orders by that same expression; EXPLAIN says whether the index is used. Median of 50
 * queries (the exams' criteria, as the review service words them), in two databases: the dossier alone,
 * then among nine other dossiers (3,000 vectors), where the per-dossier filter is what matters.
 */
import { createHash } from 'node:crypto';
import { type Database, openDatabase } from '../db/client';
import { dossiers, dossierVersions, embeddings, passages } from '../db/schema';
import { listExams } from '../server/src/features/referential/index';
import { createRetriever, DEFAULT_RETRIEVAL, orQuery } from '../server/src/features/reviews/retrieval';
import { createOfflineEmbedder } from '../server/src/lib/llm/embeddings';
import { goldMarkdown } from './lib/gold-cases';
import { log, median, percentile, round } from './lib/stats';

export const PASSAGES_PER_DOSSIER = 300;
const BACKGROUND_DOSSIERS = 9;
const QUERIES = 50;
const PASSAGE_WORDS = 200;
const HNSW_INDEX = 'bench_embeddings_hnsw_384';

export interface QueryFigures {
  medianMs: number;
  p90Ms: number;
  /** Fewest rows a query returned (the retriever asks for topK × 3 = 24). */
  minRows: number;
  /** EXPLAIN shows an index scan on the HNSW index. */
  usesHnswIndex: boolean;
  /** Share of the exact top-24 the query returned (1 for the exact scan itself). */
  recall: number;
  /** Scan nodes of the EXPLAIN plan, outermost first (e.g. `Seq Scan on embeddings`). */
  scans: string[];
  /** The planner preferred another plan: the HNSW plan was forced (`enable_seqscan`, `enable_bitmapscan`, `enable_sort` off). */
  forced: boolean;
}

export interface RetrievalScenario {
  embeddingsInTable: number;
  exact: QueryFigures;
  hnsw: QueryFigures;
  /** The same HNSW query without `hnsw.iterative_scan`: what a filtered HNSW search returns by default. */
  hnswNoIterativeScan: QueryFigures;
  /** `retriever.search` as the review service calls it: query embedding + vector + full-text + fusion. */
  hybridSearchMs: number;
  hnswBuildMs: number;
}

export interface RetrievalResult {
  passages: number;
  queries: number;
  /** Rows asked for by the vector query (`topK × 3`). */
  limit: number;
  alone: RetrievalScenario;
  among: RetrievalScenario;
  /**
   * The full-text half of the hybrid search (3,000 passages in the table), median ms: the query of
   * `retrieval.ts` (which computes `to_tsvector` for every passage of the dossier, twice), and the same query
   * on a stored generated `tsvector` column with a GIN index (added to the bench database only).
   */
  fullText: { asIsMs: number; storedTsvectorMs: number; sameResults: boolean };
}

function wordBank(): string[] {
  const texts = goldMarkdown().map((c) => c.text);
  return texts
    .join('\n')
    .replace(/[#|*`]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** A dossier version with `count` passages of ~200 words (windows over the gold dossiers' text) and their vectors. */
async function addDossier(database: Database, words: string[], seed: number, count: number): Promise<string> {
  const embedder = createOfflineEmbedder();
  const { db } = database;
  const [dossier] = await db
    .insert(dossiers)
    .values({ examId: 'b1-diagnostics-strategiques', title: `bench ${seed}` })
    .returning({ id: dossiers.id });
  const [version] = await db
    .insert(dossierVersions)
    .values({
      dossierId: dossier.id,
      version: 1,
      fileName: 'bench.pdf',
      format: 'pdf',
      mediaType: 'application/pdf',
      sizeBytes: 0,
      sha256: `bench-${seed}`,
      file: Buffer.alloc(0),
      pages: count,
      pagesExcludingAnnexes: count,
      words: count * PASSAGE_WORDS,
      language: 'fr',
      text: '',
      pageTexts: [],
      sections: [],
      hidden: [],
      warnings: [],
      metadata: {},
    })
    .returning({ id: dossierVersions.id });
  const rows = Array.from({ length: count }, (_, i) => {
    const start = ((seed * count + i) * 131) % (words.length - PASSAGE_WORDS);
    const text = `${words.slice(start, start + PASSAGE_WORDS).join(' ')} (${seed}.${i})`;
    return { text, contentHash: createHash('sha256').update(text).digest('hex') };
  });
  const vectors = await embedder.embed(rows.map((r) => r.text));
  for (let i = 0; i < rows.length; i += 100) {
    const slice = rows.slice(i, i + 100);
    await db.insert(passages).values(
      slice.map((r, j) => ({
        versionId: version.id,
        ordinal: i + j,
        page: i + j + 1,
        pageEnd: i + j + 1,
        section: null,
        annex: false,
        charStart: 0,
        charEnd: r.text.length,
        text: r.text,
        contentHash: r.contentHash,
      })),
    );
    await db.insert(embeddings).values(
      slice.map((r, j) => ({
        contentHash: r.contentHash,
        model: embedder.model,
        dimensions: embedder.dimensions,
        embedding: vectors[i + j],
      })),
    );
  }
  return version.id;
}

async function scenario(
  database: Database,
  versionId: string,
  queries: string[],
): Promise<RetrievalScenario> {
  const embedder = createOfflineEmbedder();
  const limit = DEFAULT_RETRIEVAL.topK * 3;
  await database.query(`drop index if exists ${HNSW_INDEX}`);
  const buildStarted = performance.now();
  await database.query(
    `create index ${HNSW_INDEX} on embeddings using hnsw ((embedding::vector(${embedder.dimensions})) vector_cosine_ops) where model = '${embedder.model}'`,
  );
  const hnswBuildMs = performance.now() - buildStarted;
  await database.query('analyze');
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from embeddings');

  // The retriever's vector query, verbatim (retrieval.ts).
  const exactSql = `select p.id from passages p join embeddings e on e.content_hash = p.content_hash and e.model = $2
         where p.version_id = $1 order by e.embedding <=> $3::vector limit ${limit}`;
  // The same search ordered by the indexed expression, the partial index's predicate spelled out.
  const hnswSql = `select p.id from embeddings e join passages p on p.content_hash = e.content_hash
         where e.model = '${embedder.model}' and p.version_id = $1
         order by e.embedding::vector(${embedder.dimensions}) <=> $2::vector(${embedder.dimensions}) limit ${limit}`;
  const vectors = (await embedder.embed(queries)).map((v) => `[${v.join(',')}]`);

  const explain = async (sql: string, params: unknown[]) =>
    (await database.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params)).map(
      (row) => row['QUERY PLAN'],
    );
  const usesIndex = async (sql: string, params: unknown[]) =>
    (await explain(sql, params)).some((line) => line.includes(HNSW_INDEX));
  const run = async (sql: string, params: (vector: string) => unknown[], hnsw = false) => {
    // With one dossier in the table the planner rightly prefers the exact plan: force the index to time it.
    const forced = hnsw && !(await usesIndex(sql, params(vectors[0])));
    if (forced) {
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) {
        await database.query(`set ${setting} = off`);
      }
    }
    for (const v of vectors.slice(0, 5)) await database.query(sql, params(v));
    const times: number[] = [];
    const results: string[][] = [];
    for (const v of vectors) {
      const started = performance.now();
      const rows = await database.query<{ id: string }>(sql, params(v));
      times.push(performance.now() - started);
      results.push(rows.map((r) => r.id));
    }
    const plan = await explain(sql, params(vectors[0]));
    const usesHnswIndex = plan.some((line) => line.includes(HNSW_INDEX));
    const scans = plan.flatMap(
      (line) =>
        /((?:Seq|Index Only|Index|Bitmap Heap|Bitmap Index) Scan(?: using \w+)? on \w+)/.exec(line)?.[1] ??
        [],
    );
    if (forced) {
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) {
        await database.query(`reset ${setting}`);
      }
    }
    return { times, results, usesHnswIndex, forced, scans };
  };
  const exact = await run(exactSql, (v) => [versionId, embedder.model, v]);
  const figures = (r: Awaited<ReturnType<typeof run>>): QueryFigures => {
    let found = 0;
    let expected = 0;
    r.results.forEach((ids, i) => {
      const truth = new Set(exact.results[i]);
      expected += truth.size;
      found += ids.filter((id) => truth.has(id)).length;
    });
    return {
      medianMs: round(median(r.times), 2),
      p90Ms: round(percentile(r.times, 90), 2),
      minRows: Math.min(...r.results.map((ids) => ids.length)),
      usesHnswIndex: r.usesHnswIndex,
      scans: r.scans,
      forced: r.forced,
      recall: round(found / Math.max(1, expected), 3),
    };
  };
  await database.query('reset hnsw.iterative_scan');
  const plain = await run(hnswSql, (v) => [versionId, v], true);
  // pgvector 0.8: keep scanning the graph until the filter (this dossier) has let `limit` rows through.
  await database.query('set hnsw.iterative_scan = relaxed_order');
  const iterative = await run(hnswSql, (v) => [versionId, v], true);
  await database.query('reset hnsw.iterative_scan');

  const retriever = createRetriever(database, embedder);
  const rows = await retriever.allPassages(versionId);
  const hybrid: number[] = [];
  for (const [i, query] of queries.entries()) {
    const started = performance.now();
    await retriever.search(versionId, rows, query);
    if (i >= 5) hybrid.push(performance.now() - started);
  }
  return {
    embeddingsInTable: n,
    exact: figures(exact),
    hnsw: figures(iterative),
    hnswNoIterativeScan: figures(plain),
    hybridSearchMs: round(median(hybrid), 2),
    hnswBuildMs: round(hnswBuildMs, 0),
  };
}

async function fullTextFigures(database: Database, versionId: string, queries: string[]) {
  const k = DEFAULT_RETRIEVAL.topK * 3;
  const asIs = `select p.id from passages p, websearch_to_tsquery('french', $2) q
         where p.version_id = $1 and to_tsvector('french', p.text) @@ q
         order by ts_rank_cd(to_tsvector('french', p.text), q) desc limit ${k}`;
  const stored = `select p.id from passages p, websearch_to_tsquery('french', $2) q
         where p.version_id = $1 and p.search @@ q
         order by ts_rank_cd(p.search, q) desc limit ${k}`;
  const time = async (sql: string) => {
    const times: number[] = [];
    const results: string[] = [];
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const rows = await database.query<{ id: string }>(sql, [versionId, orQuery(query)]);
      if (i >= 5) times.push(performance.now() - started);
      results.push(rows.map((r) => r.id).join());
    }
    return { ms: median(times), results };
  };
  const before = await time(asIs);
  // `passages.search` is the stored generated column (GIN-indexed) the schema has had since #10.
  await database.query('analyze passages');
  const after = await time(stored);
  return {
    asIsMs: round(before.ms, 2),
    storedTsvectorMs: round(after.ms, 2),
    sameResults: before.results.every((r, i) => r === after.results[i]),
  };
}

export async function benchRetrieval(): Promise<RetrievalResult> {
  const database = await openDatabase();
  try {
    const words = wordBank();
    const queries = listExams()
      .flatMap((exam) => exam.criteria.map((c) => `${c.text} ${c.competencies.join(' ')}`))
      .slice(0, QUERIES);
    if (queries.length < QUERIES) throw new Error(`only ${queries.length} criteria to query with`);
    const target = await addDossier(database, words, 0, PASSAGES_PER_DOSSIER);
    const alone = await scenario(database, target, queries);
    log(`retrieval alone: exact ${alone.exact.medianMs} ms, hnsw ${alone.hnsw.medianMs} ms`);
    for (let seed = 1; seed <= BACKGROUND_DOSSIERS; seed++) {
      await addDossier(database, words, seed, PASSAGES_PER_DOSSIER);
    }
    const among = await scenario(database, target, queries);
    log(
      `retrieval among ${among.embeddingsInTable}: exact ${among.exact.medianMs} ms, hnsw ${among.hnsw.medianMs} ms`,
    );
    const fullText = await fullTextFigures(database, target, queries);
    log(
      `retrieval full text: ${fullText.asIsMs} ms computed per query (before), ${fullText.storedTsvectorMs} ms on the stored passages.search (now)`,
    );
    return {
      passages: PASSAGES_PER_DOSSIER,
      queries: QUERIES,
      limit: DEFAULT_RETRIEVAL.topK * 3,
      alone,
      among,
      fullText,
    };
  } finally {
    await database.close();
  }
}
