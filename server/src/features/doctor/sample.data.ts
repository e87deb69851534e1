/**
 * The bundled sample the doctor grades: a short, fictitious extract of an « Audit RSE » dossier (no real
 * person or company), so that checking a model server never sends anyone's dossier.
 */
export const DOCTOR_SAMPLE = {
  examId: 'b1-audit-rse',
  pages: [
    {
      page: 1,
      text: [
        '1. Rapport de veille réglementaire',
        "La directive CSRD impose à partir de l'exercice 2025 un rapport de durabilité aux entreprises de plus de 250 salariés. Transports Exemple, 310 salariés et 48 M€ de chiffre d'affaires, y est soumise ; la loi AGEC et le décret tertiaire complètent ces obligations.",
      ].join('\n'),
    },
    {
      page: 2,
      text: [
        '2. Audit de la politique RSE',
        "Les engagements actuels portent sur la flotte (22 % de véhicules au gaz naturel) et l'index égalité (82/100). Les critères ESG sont peu formalisés : aucun indicateur de gouvernance n'est suivi.",
        "3. Plan d'actions RSE",
        'Bilan carbone des scopes 1, 2 et 3 au deuxième trimestre 2025 (indicateur : tCO2e), formation à l’éco-conduite au troisième (indicateur : L/100 km).',
      ].join('\n'),
    },
  ],
} as const;
