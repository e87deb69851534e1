/**
 * Redaction of personal contact data before text leaves for an external model (GDPR minimisation).
 * Deliberately narrow: e-mail addresses and phone numbers, which dossiers carry (CV, signatures,
 * interview notes) and graders never need. Names stay: a dossier is about people and companies.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// French numbers (01 23 45 67 89, 01.23.45.67.89, +33 1 23 45 67 89, 0033…) and international +CC forms.
const PHONE =
  /(?<![\p{L}\p{N}])(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d{2}){4}|0\d(?:[\s.-]?\d{2}){4}|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5})(?![\p{L}\p{N}])/gu;

export interface RedactionResult {
  text: string;
  emails: number;
  phones: number;
}

export function redactPii(text: string): RedactionResult {
  let emails = 0;
  let phones = 0;
  const out = text
    .replace(EMAIL, () => {
      emails++;
      return '[e-mail masqué]';
    })
    .replace(PHONE, () => {
      phones++;
      return '[téléphone masqué]';
    });
  return { text: out, emails, phones };
}
