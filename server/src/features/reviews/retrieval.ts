import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { passages } from '../../../../db/schema';
import type { Embedder } from '../../lib/llm/types';
import type { GradingPassage } from './grade-schema';

export interface RetrievalOptions {
  /** How many passages per criterion when the dossier does not fit the budget. */
  topK: number;
  /** Dossiers up to this many words (non-annex) go whole to every criterion: better grading, and an identical prompt prefix across calls. */
  wholeDossierMaxWords: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { topK: 8, wholeDossierMaxWords: 9000 };

type PassageRow = typeof passages.$inferSelect;

function toGrading(row: PassageRow, relevance: number): GradingPassage {
  return {
    id: row.id,
    ordinal: row.ordinal,
    page: row.page,
    pageEnd: row.pageEnd,
    section: row.section,
    annex: row.annex,
    text: row.text,
    relevance,
  };
}

function wordCount(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Passage retrieval for grading: the whole dossier when it fits the budget, otherwise a hybrid of
 * pgvector cosine similarity and Postgres French full-text search, fused by reciprocal rank
 * (robust to the two scores' different scales), returned in document order.
 */
export function createRetriever(
  database: Database,
  embedder: Embedder,
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
) {
  return {
    async allPassages(versionId: string): Promise<PassageRow[]> {
      return database.db
        .select()
        .from(passages)
        .where(eq(passages.versionId, versionId))
        .orderBy(asc(passages.ordinal));
    },

    /** True when the dossier goes whole to every criterion. */
    fitsWhole(rows: PassageRow[]): boolean {
      const words = rows.filter((r) => !r.annex).reduce((n, r) => n + wordCount(r.text), 0);
      return words <= options.wholeDossierMaxWords;
    },

    whole(rows: PassageRow[]): GradingPassage[] {
      return rows.map((r) => toGrading(r, 1));
    },

    /**
     * The passages for one query. `semantic: false` (the version's passages have no vectors for this model)
     * or an embedder that fails on the query: full-text search alone, and `textOnly` says so.
     */
    async search(
      versionId: string,
      rows: PassageRow[],
      query: string,
      { semantic = true }: { semantic?: boolean } = {},
    ): Promise<GradingPassage[] & { textOnly?: boolean }> {
      const k = options.topK * 3;
      let byVector: { id: string }[] = [];
      let textOnly = !semantic;
      if (semantic) {
        try {
          const [queryVector] = await embedder.embed([query]);
          const vectorLiteral = `[${queryVector.join(',')}]`;
          byVector = await database.query<{ id: string }>(
            `select p.id from passages p join embeddings e on e.content_hash = p.content_hash and e.model = $2
             where p.version_id = $1 order by e.embedding <=> $3::vector limit ${k}`,
            [versionId, embedder.model, vectorLiteral],
          );
        } catch {
          // The embedding server is down or gone: the words of the criterion still find passages.
          textOnly = true;
        }
      }
      const byText = await database.query<{ id: string }>(
        `select p.id from passages p, websearch_to_tsquery('french', $2) q
         where p.version_id = $1 and p.search @@ q
         order by ts_rank_cd(p.search, q) desc limit ${k}`,
        [versionId, orQuery(query)],
      );
      const fused = new Map<string, number>();
      const RRF_K = 60;
      for (const ranking of [byVector, byText]) {
        ranking.forEach((r, i) => {
          fused.set(r.id, (fused.get(r.id) ?? 0) + 1 / (RRF_K + i + 1));
        });
      }
      const top = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, options.topK);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const found = top
        .map(([id, score]) => {
          const row = byId.get(id);
          return row ? toGrading(row, score) : undefined;
        })
        .filter((p): p is GradingPassage => p !== undefined)
        .sort((a, b) => a.ordinal - b.ordinal);
      return Object.assign(found, { textOnly });
    },
  };
}

/** websearch_to_tsquery ANDs words; a criterion's wording should match passages sharing any of its words. */
export function orQuery(query: string): string {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3);
  return [...new Set(words)].slice(0, 30).join(' or ');
}

export type Retriever = ReturnType<typeof createRetriever>;
