/**
 * Issue #16, strong drafts in plain words, on text written for these tests (not the eval cases): a criterion
 * about the dossier's own English is read on the dossier's English (own-writing.ts).
 */
import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import type { DossierText, GradingPassage } from '../grade-schema';
import { analyzeCriterionDetailed } from './analyzer';

function dossierOf(
  sections: { heading: string; paragraphs: string[] }[],
  language: string,
): { dossier: DossierText; passages: GradingPassage[] } {
  const passages = sections.map((s, i) => ({
    id: `p${i}`,
    ordinal: i,
    page: 1 + Math.floor(i / 2),
    pageEnd: 1 + Math.floor(i / 2),
    section: s.heading,
    annex: false,
    text: s.paragraphs.join('\n\n'),
    relevance: 1,
  }));
  const text = passages.map((p) => `${p.section}\n\n${p.text}`).join('\n\n');
  return {
    dossier: { text, pages: [{ page: 1, text }], language, words: text.split(/\s+/).length },
    passages,
  };
}

const byText = (e: Exam, part: string) => {
  const c = e.criteria.find((k) => k.text.includes(part));
  if (!c) throw new Error(part);
  return c;
};

const INTERCULTURAL = getExam('b6-management-interculturel') as Exam;
const ENGLISH = byText(INTERCULTURAL, 'langue anglaise');

/** A report in plain English about the candidate's own case: what happened, why, with figures. */
const REPORT = [
  {
    heading: 'Curriculum vitae',
    paragraphs: ['Languages: French (native), English (fluent), Spanish (good).'],
  },
  {
    heading: 'The team I joined in Rotterdam',
    paragraphs: [
      'When I joined Norvale Packaging in 2022, my team of 9 people was split between Rotterdam, Lyon and Porto.',
      'Our Dutch colleagues expected short answers within the day, so my long French e-mails were read as hesitation.',
      'I changed my habits because the delays were costing us orders: we lost two quotes worth 40,000 euros in March.',
      'We agreed that every request would get a reply within 24 hours, which cut the complaints from 11 to 4 in six months.',
    ],
  },
  {
    heading: 'What I learned',
    paragraphs: [
      'The Porto plant waited for the director to decide, while the Dutch buyers expected the account manager to commit on the spot, so I asked for a clear budget limit.',
      'With a limit of 15,000 euros I could answer buyers myself, therefore we signed three supermarket chains in 2023.',
      'I now prepare each video call with an agenda on paper, because the Portuguese team prefers to comment on a document before speaking.',
      'Since we send the minutes within 2 days, the Lyon and Porto teams follow the same decisions.',
      'We moved our weekly meeting to Tuesday, because the Porto team leaves early on Fridays.',
    ],
  },
];

describe('a criterion about the dossier’s own English (own-writing.ts)', () => {
  it('reads a report written in English about the candidate’s case as the evidence of written English', () => {
    const { dossier, passages } = dossierOf(REPORT, 'en');
    const { grade, signals } = analyzeCriterionDetailed({
      exam: INTERCULTURAL,
      criterion: ENGLISH,
      passages,
      dossier,
    });
    // Before: only the CV's language line named the notion, nothing developed, score 1.
    expect(signals.developedSentences).toBeGreaterThanOrEqual(4);
    expect(grade.score).toBeGreaterThanOrEqual(3);
    expect(grade.evidence.length).toBeGreaterThan(0);
  });

  it('reads the writing only when the dossier is detected as written in English', () => {
    const { passages, dossier } = dossierOf(REPORT, 'en');
    const input = { exam: INTERCULTURAL, criterion: ENGLISH, passages };
    const english = analyzeCriterionDetailed({ ...input, dossier });
    const other = analyzeCriterionDetailed({ ...input, dossier: { ...dossier, language: 'fr' } });
    expect(other.signals.developedSentences).toBeLessThan(english.signals.developedSentences);
    expect(other.grade.score).toBeLessThan(english.grade.score);
  });

  it('does not lift a fluent essay in English that speaks of no case of its own', () => {
    const essay = [
      {
        heading: 'Managing across cultures',
        paragraphs: [
          'Working across cultures is a challenge for every manager because people have different values.',
          'It is important to be open-minded, since misunderstandings can damage trust in a team.',
          'Communication styles vary between countries, therefore a good manager must adapt to each situation.',
          'Cultural awareness is a key skill today, because companies are more and more international.',
          'Stereotypes should be avoided, since they prevent people from seeing the individual.',
        ],
      },
    ];
    const { passages, dossier } = dossierOf(essay, 'en');
    const { grade } = analyzeCriterionDetailed({
      exam: INTERCULTURAL,
      criterion: ENGLISH,
      passages,
      dossier,
    });
    expect(grade.score).toBeLessThanOrEqual(1);
  });
});
