import { describe, expect, it } from 'vitest';
import type { SectionInfo } from '../../../../../db/schema';
import { detectLanguage, markedLanguage, mixedLanguageWarning, sample, sectionLanguage } from './language';

const FR =
  "L'entreprise distribue des solutions de gestion aux petites et moyennes entreprises de la région. Notre stratégie commerciale vise à conquérir de nouveaux clients.";
const EN =
  'The company sells management software to small and medium businesses in the region. Our sales strategy aims to win new customers and grow recurring revenue.';
const DE =
  'Das Unternehmen verkauft Verwaltungssoftware an kleine und mittlere Unternehmen in der Region. Unsere Vertriebsstrategie zielt darauf ab, neue Kunden zu gewinnen.';

describe('detectLanguage', () => {
  it('detects French, English and German', () => {
    expect(detectLanguage(FR)).toBe('fr');
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage(DE)).toBe('de');
  });

  it('returns null under 60 characters', () => {
    expect(detectLanguage('Bonjour à tous.')).toBeNull();
  });

  it('samples long texts deterministically', () => {
    const long = `${FR} `.repeat(400);
    expect(detectLanguage(long)).toBe('fr');
  });

  it('reads a long text through stretches spread over all of it, not its beginning alone', () => {
    // Two pages of English, then ten of German: German, as most of the text is.
    const text = `${`${EN} `.repeat(20)}${`${DE} `.repeat(100)}`;
    expect(detectLanguage(text)).toBe('de');
    const picked = sample(text);
    expect(picked.length).toBeLessThanOrEqual(1_000);
    expect(picked).toContain('company');
    expect(picked).toContain('Unternehmen');
    // Stretches start and end on whole words.
    for (const word of picked.split(' ')) expect(`${EN} ${DE}`.split(' ')).toContain(word);
  });
});

describe('sectionLanguage', () => {
  it('tells the language of a section long enough to matter, and none for a short one', () => {
    expect(sectionLanguage(`${EN} `.repeat(3))).toBe('en');
    expect(sectionLanguage(FR)).toBeNull();
  });
});

const section = (
  title: string,
  start: number,
  end: number,
  language: string | null,
  annex = false,
): SectionInfo => ({
  title,
  level: 1,
  page: 1,
  pageEnd: 1,
  start,
  end,
  language,
  annex,
});

describe('mixedLanguageWarning', () => {
  it('warns about significant sections in another language, annexes aside', () => {
    const en = `${EN} `.repeat(3);
    const fr = `${FR} `.repeat(3);
    const text = fr + en + en;
    const sections = [
      section('Introduction', 0, fr.length, 'fr'),
      section('Market study', fr.length, fr.length + en.length, 'en'),
      section('Annex', fr.length + en.length, text.length, 'en', true),
    ];
    const warning = mixedLanguageWarning('fr', sections, text);
    expect(warning).toMatchObject({ code: 'mixed_language', page: 1 });
    expect(warning?.message).toContain('« Market study » (p. 1, anglais)');
    expect(warning?.message).not.toContain('Annex');
  });

  it('ignores short sections', () => {
    expect(mixedLanguageWarning('fr', [section('Title', 0, EN.length, 'en')], EN)).toBeNull();
  });
});

/** A paragraph of business prose in each of the seven languages, 60 words or more each. */
const PROSE: Record<string, string> = {
  fr: 'Nous avons analysé les besoins des clients et les attentes des équipes commerciales. Cette démarche a été conduite avec le directeur général, qui souhaite que les ventes progressent dans toutes les régions. Les résultats sont présentés dans la partie suivante, avec les indicateurs retenus pour le suivi des actions et leur calendrier. Le plan est ainsi partagé avec les managers, qui sont très impliqués dans sa mise en œuvre sur le terrain.',
  en: 'We have analysed the needs of our customers and the expectations of the sales teams. This work was carried out with the managing director, who wants sales to grow in all the regions. The results are presented in the next part, with the indicators chosen to follow the actions and their schedule. The plan has been shared with the managers, who are closely involved in its roll-out in the field and will report on it.',
  de: 'Wir haben die Bedürfnisse der Kunden und die Erwartungen der Vertriebsteams analysiert. Diese Arbeit wurde mit dem Geschäftsführer durchgeführt, der sich wünscht, dass der Umsatz in allen Regionen wächst. Die Ergebnisse werden im nächsten Teil vorgestellt, mit den Kennzahlen für die Verfolgung der Maßnahmen und ihrem Zeitplan. Der Plan ist auch mit den Managern geteilt worden, die an der Umsetzung vor Ort beteiligt sind und oft nach dem Stand gefragt werden.',
  es: 'Hemos analizado las necesidades de los clientes y las expectativas de los equipos comerciales. Este trabajo fue realizado con el director general, que quiere que las ventas crezcan en todas las regiones. Los resultados se presentan en la parte siguiente, con los indicadores elegidos para el seguimiento de las acciones y sus plazos. El plan también se ha compartido con los responsables, que están muy implicados en su puesta en marcha, pero hay todavía mucho trabajo cuando llegue el verano.',
  it: 'Abbiamo analizzato le esigenze dei clienti e le aspettative delle squadre commerciali. Questo lavoro è stato svolto con il direttore generale, che desidera che le vendite crescano in tutte le regioni. I risultati sono presentati nella parte seguente, con gli indicatori scelti per il monitoraggio delle azioni e dei tempi. Il piano è stato anche condiviso con i responsabili, che sono coinvolti nella sua attuazione sul territorio e hanno un ruolo più importante di prima.',
  pt: 'Analisámos as necessidades dos clientes e as expectativas das equipas comerciais. Este trabalho foi realizado com o diretor geral, que deseja que as vendas cresçam em todas as regiões. Os resultados são apresentados na parte seguinte, com os indicadores escolhidos para o acompanhamento das ações e dos prazos. O plano também foi partilhado com os responsáveis, que estão muito envolvidos na sua execução no terreno, e isso é essencial para o sucesso da empresa nos próximos anos.',
  nl: 'Wij hebben de behoeften van de klanten en de verwachtingen van de verkoopteams geanalyseerd. Dit werk is uitgevoerd met de algemeen directeur, die wil dat de verkoop in alle regio’s groeit. De resultaten worden in het volgende deel gepresenteerd, met de indicatoren voor het volgen van de acties en hun planning. Het plan is ook gedeeld met de managers, die nauw betrokken zijn bij de uitvoering en die regelmatig naar de voortgang van het project worden gevraagd door onze klanten.',
};

describe('markedLanguage', () => {
  it('tells each of the seven languages from its function words, as franc does', () => {
    for (const [language, text] of Object.entries(PROSE)) {
      expect(markedLanguage(text), language).toBe(language);
      expect(detectLanguage(text), language).toBe(language);
    }
  });

  it('leaves a section in doubt to franc: two languages, or too few function words', () => {
    expect(markedLanguage(`${PROSE.fr} ${PROSE.en}`)).toBeNull();
    const table = 'Indicateur | Valeur 2023 | Cible 2026\nCA | 12 M€ | 15 M€\nMarge | 31 % | 34 %\n'.repeat(
      8,
    );
    expect(markedLanguage(table)).toBeNull();
  });

  it('gives a section the language franc gives it, whichever way it is told', () => {
    const sections = [...Object.values(PROSE), `${PROSE.fr} ${PROSE.en}`, `${PROSE.es} ${PROSE.pt}`];
    for (const text of sections) expect(sectionLanguage(text)).toBe(detectLanguage(text));
  });

  it('finds the English section of a French dossier', () => {
    const fr = `${PROSE.fr} `;
    const en = `${PROSE.en} `;
    const text = fr + en;
    const sections = [
      section('Diagnostic', 0, fr.length, sectionLanguage(fr)),
      section('Market study', fr.length, text.length, sectionLanguage(en)),
    ];
    expect(sections.map((s) => s.language)).toEqual(['fr', 'en']);
    expect(mixedLanguageWarning(detectLanguage(text), sections, text)?.message).toContain('« Market study »');
  });
});
