import { describe, expect, it } from 'vitest';
import { getExam } from '../../referential';
import type { Exam } from '../../referential/types';
import { getExamLexicon } from './lexicon';
import { ownNotionReader } from './own-notions';

const exam = getExam('b6-entrepreneuriat') as Exam;
const owns = ownNotionReader(exam);
const financing =
  'Nous comptons le financer par nos apports (30 000 €), un prêt bancaire et des subventions de la région.';

describe('ownNotionReader: does a quoted sentence address the criterion on its own account?', () => {
  it('reads the notions the two criteria share (K7 business plan, K9 investors: financing)', () => {
    const notions = getExamLexicon(exam).criteria;
    expect(notions.get('K7')?.notions).toContain('financement');
    expect(notions.get('K9')?.notions).toContain('financement');
  });

  it('does not let a sentence holding only a notion shared with another quoting criterion be this one’s own', () => {
    expect(owns('K9', financing, ['K7'])).toBe(false);
    // Quoted beside a criterion without that notion, the same sentence addresses K9 on its own account.
    expect(owns('K9', financing, ['K2'])).toBe(true);
  });

  it('leaves a sentence naming none of the criterion’s notions (a backing figure) to where it was chosen', () => {
    expect(owns('K9', 'Il y a environ 600 producteurs dans le département.', ['K7'])).toBe(true);
  });
});
