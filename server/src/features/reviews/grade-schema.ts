import { z } from 'zod';

/**
 * What a grader (the model, or the offline analyzer) returns for one criterion, before verification.
 * Quotes are checked against the dossier afterwards; pages given here are hints only.
 */
export const CriterionGradeSchema = z.object({
  score: z.number().int().min(0).max(4),
  rationale: z.string(),
  evidence: z.array(z.object({ quote: z.string(), page: z.number().int() })),
  missing: z.array(z.string()),
  recommendations: z.array(z.string()),
});
export type CriterionGrade = z.infer<typeof CriterionGradeSchema>;

/** A passage handed to a grader: a retrieval unit of the dossier with where it lies. */
export interface GradingPassage {
  id: string;
  ordinal: number;
  page: number;
  pageEnd: number;
  section: string | null;
  annex: boolean;
  text: string;
  /** Retrieval score (higher is more relevant); 1 when the whole dossier is passed. */
  relevance: number;
}

/** The dossier as graders and verifiers see it: visible text only, with page boundaries. */
export interface DossierText {
  text: string;
  pages: { page: number; text: string }[];
  language: string | null;
  words: number;
}
