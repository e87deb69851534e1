/**
 * Terse statements of the company's case that name nothing (terse-case.ts, passage-reading.ts `companyDraft`,
 * issue #16, branch grader-terse-14): in a draft about one company, a completed and timed action, a line of a
 * schedule and a decision with its reason after a colon are the company's; in a course they are not, and a
 * present-tense statement about any firm never is.
 */
import { describe, expect, it } from 'vitest';
import { fold } from './lexicon';
import { companyDraft, passageReading } from './passage-reading';
import { isReasonedDecision, isTerseCaseStatement } from './terse-case';
import { sectioned } from './test-sections';

describe('terse statements of the company’s case (grader-terse-14)', () => {
  const terse = [
    'Douze fournisseurs ont été consultés en mars ; trois ont été gardés.',
    "Jusqu'en 2023, seul le stock était compté.",
    'Mardi 9 h : vingt minutes au téléphone avec les deux chefs d’atelier.',
    'Un progiciel de planning a été écarté : pour quarante chantiers, un tableur partagé suffit.',
  ];
  const generic = [
    'Un tableau de bord est mis à jour chaque semaine.',
    'Le secteur a réalisé 2 milliards d’euros de ventes en 2022.',
    'Depuis la loi de 2019, les devis ont été simplifiés.',
    'Chaque indicateur doit avoir été validé en janvier par la direction.',
    'La méthode a été créée par un cabinet américain en 1970.',
    'Les taux d’intérêt ont remonté en 2023, ce qui freine les achats.',
  ];

  it('reads timed completed actions, schedule lines and reasoned decisions; not presents, sectors, laws, modals', () => {
    expect(terse.filter((s) => !isTerseCaseStatement(fold(s)))).toEqual([]);
    expect(generic.filter((s) => isTerseCaseStatement(fold(s)))).toEqual([]);
    expect(isReasonedDecision(fold(terse[3]))).toBe(true);
    expect(isReasonedDecision(fold('Un progiciel de planning a été écarté.'))).toBe(false);
  });

  const companyParagraphs = [
    'Menuiserie Garrel fabrique des fenêtres sur mesure pour les maisons anciennes de Millau et de ses environs.',
    'Garrel a réalisé 2,1 M€ de chiffre en 2024, dont 60 % chez les particuliers et le reste chez les architectes.',
    'Nous livrons environ 40 chantiers par mois avec deux équipes de poseurs qui travaillent en binôme.',
    'Le carnet de commandes de Garrel couvre 9 semaines, contre 14 semaines il y a deux ans.',
    'Garrel a perdu 2 gros clients professionnels en 2024, partis chez un fabricant industriel moins cher.',
    'Nous avons 3 commerciaux et notre marge brute est de 38 % sur les fenêtres en bois.',
    'Notre atelier tourne à 70 % de sa capacité depuis le début de l’année 2025.',
  ];

  it('reads them as the company’s in a draft about one company, not in a course', () => {
    const company = sectioned([
      { heading: 'La menuiserie', paragraphs: companyParagraphs },
      { heading: 'Comment nous suivons les chantiers', paragraphs: terse },
    ]);
    expect(companyDraft(company.dossier, 'fr')).toBe(true);
    const applied = passageReading(company.dossier, 'fr', company.passages[1]).appliedHere;
    expect(applied.filter(Boolean).length).toBe(terse.length);

    const course = sectioned([
      {
        heading: 'Le pilotage',
        paragraphs: [
          'Le pilotage consiste à suivre des indicateurs. Un indicateur mesure un résultat.',
          'Le tableau de bord rassemble les indicateurs. Il est mis à jour chaque semaine.',
          'La direction fixe les objectifs. Les commerciaux sont suivis par leur manager.',
          'Un bon indicateur est simple et mesurable. Il doit avoir une cible.',
          'Garrel est une menuiserie. Garrel veut mieux piloter ses ventes.',
        ],
      },
      { heading: 'Comment suivre les chantiers', paragraphs: terse },
    ]);
    expect(companyDraft(course.dossier, 'fr')).toBe(false);
    const none = passageReading(course.dossier, 'fr', course.passages[1]).appliedHere;
    expect(none.filter(Boolean).length).toBe(0);
  });
});

describe('the time of a terse statement is its action’s (grader-terse-15)', () => {
  it('reads a year or a month introduced as an adverbial, not one that dates a noun', () => {
    const timed = [
      'Les commandes ont repris en septembre.',
      'Le contrat a été signé le 6 juin.',
      'Une société a été créée en janvier 2025 pour porter l’atelier.',
      'Un formulaire unique a été mis en place depuis février 2024 pour les chauffeurs.',
    ];
    const dated = [
      'les relevés de caisse (exercices 2022 à 2024) que le patron m’a transmis ;',
      'Les quotas ont été répartis selon le chiffre 2023 de chaque dépôt.',
      'La coopérative a obtenu un comité de suivi depuis le prêt de 2022.',
      'Le bureau, réuni à trois, se retrouve le premier jeudi du mois.',
      'Mai a été humide et deux livraisons ont été repoussées à octobre.',
    ];
    expect(timed.filter((s) => !isTerseCaseStatement(fold(s)))).toEqual([]);
    expect(dated.filter((s) => isTerseCaseStatement(fold(s)))).toEqual([]);
  });
});

describe('the company’s account told in the third person (grader-voice-16)', () => {
  /** A draft about one company that says « elle », « l'entreprise », « son dirigeant » more than its name. */
  const told = [
    {
      heading: 'La scierie',
      paragraphs: [
        'Bois Ravel est une scierie installée à Ussel. Elle a ouvert un dépôt à Tulle pour les charpentiers.',
        'Elle emploie 24 personnes et réalise 4,2 M€ de chiffre.',
        'L’entreprise a perdu deux négociants, partis chez un concurrent qui livre le samedi.',
        'Son dirigeant a demandé un diagnostic des ventes avant d’investir.',
        'La direction a retenu la livraison le samedi, pour garder les charpentiers.',
        'L’entreprise a formé ses deux chauffeurs au chargement des grumes.',
        'Le carnet de commandes de Bois Ravel couvre 7 semaines.',
        'L’équipe commerciale a rappelé les 40 charpentiers du fichier.',
        'Bois Ravel vend 60 % de son sciage aux charpentiers.',
        'Son dirigeant a écarté un second site, trop cher pour ce volume.',
      ],
    },
  ];
  /** The same forms in a course: what any firm is like or should do, and a pronoun after the market. */
  const course = [
    {
      heading: 'Le diagnostic',
      paragraphs: [
        'Une entreprise doit connaître ses clients. L’entreprise doit suivre ses concurrents.',
        'Le marché du bois progresse. Il a gagné des parts sur le béton.',
        'L’équipe commerciale est soudée et motivée. Ses valeurs sont la qualité et le service.',
        'La direction peut décider de livrer le samedi. Le dirigeant pourrait ouvrir un dépôt.',
        'Un diagnostic permet de comparer les options. Une entreprise peut former ses chauffeurs.',
        'Bois Ravel est une scierie. Bois Ravel veut vendre plus aux charpentiers.',
      ],
    },
  ];

  it('reads « elle » after the company, and what the firm or its people did, as the company’s', () => {
    const d = sectioned(told);
    expect(companyDraft(d.dossier, 'fr')).toBe(true);
    const { factsOf, appliedHere } = passageReading(d.dossier, 'fr', d.passages[0]);
    const missed = factsOf.filter((_, i) => !appliedHere[i]).map((f) => f.folded);
    expect(missed).toEqual([]);
  });

  it('reads neither modals, descriptions nor a pronoun after the market, nor anything in a course', () => {
    const d = sectioned(course);
    expect(companyDraft(d.dossier, 'fr')).toBe(false);
    const { factsOf, appliedHere } = passageReading(d.dossier, 'fr', d.passages[0]);
    const read = factsOf.filter((_, i) => appliedHere[i]).map((f) => f.folded);
    expect(read.every((s) => s.includes('ravel'))).toBe(true);
  });
});
