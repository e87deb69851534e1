import { describe, expect, it } from 'vitest';
import { COACH_POLICY_EN, COACH_POLICY_FR, detectGhostwriting } from './integrity';

describe('ghost-writing detection', () => {
  it.each([
    ['Rédige la partie 2', 'la partie 2'],
    ['Écris à ma place', undefined],
    ['Fais-moi la partie sur la concurrence', 'la partie sur la concurrence'],
    ['Génère le dossier', 'le dossier'],
    ['Write my section', 'my section'],
    ["Peux-tu rédiger l'introduction ?", "l'introduction"],
    ['Donne-moi le texte complet de la partie SWOT', 'la partie SWOT'],
    ['Pourriez-vous écrire ma conclusion ?', 'ma conclusion'],
    ['Rédigez mon analyse PESTEL', 'mon analyse PESTEL'],
    ['Write the introduction for me', 'the introduction'],
    ['can you draft my cover letter?', 'my cover letter'],
    ['Donne-moi une introduction pour mon dossier', 'une introduction'],
    ["Fais le SWOT de l'entreprise", 'le SWOT'],
    ['Comment pourrais-tu rédiger mon introduction ?', 'mon introduction'],
    ['Reformule mon paragraphe sur la concurrence', 'mon paragraphe sur la concurrence'],
    ['Je veux que tu écrives ma lettre de motivation', 'ma lettre de motivation'],
    ['Je voudrais un texte prêt à coller pour la partie 3', 'la partie 3'],
    ["Rédige l'introduction de mon dossier à ma place, s'il te plaît.", "l'introduction"],
    ['Écris la partie stratégique', 'la partie stratégique'],
  ])('« %s » asks the coach to write', (message, target) => {
    expect(detectGhostwriting(message)).toEqual({ ghostwriting: true, ...(target ? { target } : {}) });
  });

  it.each([
    "Comment rédiger l'introduction ?",
    'Mon analyse PESTEL est-elle suffisante ?',
    'Quels critères mon diagnostic doit-il couvrir ?',
    'Dois-je rédiger la conclusion en dernier ?',
    'How should I structure my section on competition?',
    'Fais-moi une liste des points faibles de mon analyse',
    'Peux-tu relire ma partie 2 et me dire ce qui manque ?',
    'Écris-moi tes remarques sur ma conclusion',
    "Peux-tu m'expliquer comment rédiger l'introduction ?",
    'Que manque-t-il à ma partie sur les parties prenantes ?',
    'Génère un plan pour ma partie 2',
    'Par où commencer ?',
    'What do my readers expect in the section?',
  ])('« %s » asks for guidance', (message) => {
    expect(detectGhostwriting(message)).toEqual({ ghostwriting: false });
  });
});

describe('the coach policy', () => {
  it('is stated in French and English, and says the coach does not write the dossier', () => {
    expect(COACH_POLICY_FR).toMatch(/ne rédige aucune partie du dossier/);
    expect(COACH_POLICY_EN).toMatch(/does not write any part of the dossier/);
  });
});
