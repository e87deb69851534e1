/**
 * The certification's referential as typed data. Everything else in Préjury reads these types:
 * another certification needs only another data file of this shape.
 */

export type BlocId = `B${number}`;
export type ActivityId = `B${number}.A${number}`;
/** Short competency id, `C1` … `C70`. */
export type CompetencyId = `C${number}`;

export interface Competency {
  id: CompetencyId;
  /** Full code as printed in the referential, e.g. `B3.A7.C24`. */
  code: string;
  text: string;
}

export interface Activity {
  id: ActivityId;
  title: string;
  competencies: Competency[];
  /** Oddities of the source kept as they are (e.g. a title repeated from another activity). */
  remarks?: string[];
}

export interface Bloc {
  id: BlocId;
  title: string;
  activities: Activity[];
  remarks?: string[];
}

export interface Deliverable {
  /** Stable within its exam: `L1`, `L2`, … in the referential's order. */
  id: string;
  text: string;
}

export interface Criterion {
  /** Stable within its exam: `K1`, `K2`, … in the referential's order. */
  id: string;
  text: string;
  /** Competencies this criterion assesses (an editorial mapping: the referential lists both side by side). */
  competencies: CompetencyId[];
}

export interface ExamModalities {
  mode: 'individual' | 'collective';
  /** Group size for collective exams, as the referential states it (e.g. "2 ou 3 personnes"). */
  groupSize: string | null;
  /** Dossier length in pages. */
  pages: number;
  /** True when the referential says the page count is « hors annexes ». */
  annexesExcluded: boolean;
  /** Oral length in minutes; null where the referential gives none. */
  oralMinutes: number | null;
  /** Oral length per candidate for collective exams, when the referential states it that way. */
  oralMinutesPerCandidate?: number | null;
  /** Number of jury members. */
  jury: number;
  /** Required language of the dossier. */
  language: 'fr' | 'en';
  /** VAE remarks, verbatim; null where there are none. */
  vae: string | null;
  /** Other remarks of the source (handicap accommodation, etc.). */
  notes: string[];
}

export interface Exam {
  /** Stable id, used in URLs and by outside checks (see DESIGN.md). */
  id: string;
  bloc: BlocId;
  /** Name of the case study (« étude de cas »). */
  case: string;
  competencies: CompetencyId[];
  /** What the candidate starts from, verbatim (« A partir des données d'une entreprise réelle… »). */
  context: string;
  modalities: ExamModalities;
  /** « Le candidat doit présenter / réaliser : » */
  deliverables: Deliverable[];
  /** « Le candidat expose de manière structurée et analytique les éléments qui suivent : » */
  criteria: Criterion[];
  remarks?: string[];
}

export interface Referential {
  id: string;
  title: string;
  /** Where the text comes from. */
  source: string;
  blocs: Bloc[];
  exams: Exam[];
  /** Oddities of the source, kept as they are. */
  remarks: string[];
}
