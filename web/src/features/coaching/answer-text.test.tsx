import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../test/setup';
import { AnswerText, answerBlocks } from './answer-text';

const offline = [
  "Réponse hors ligne (sans modèle d'IA) : elle rassemble ce que le référentiel et votre brouillon disent.",
  'Ce que le jury évalue :\n- K5 — Des indicateurs de RSE sont proposés (compétences C10, C11)',
  'Une démarche pour construire cette partie :\n1. Situez cette partie dans le plan suggéré.\n2. Rassemblez vos faits,\n   chiffres et sources.',
  'Pour avancer :\n- Sur K5, que concluez-vous ?\n- Quelles données vous manquent ?',
].join('\n\n');

describe('answerBlocks', () => {
  it('splits an offline answer into paragraphs and titled lists', () => {
    expect(answerBlocks(offline)).toEqual([
      {
        kind: 'paragraph',
        text: "Réponse hors ligne (sans modèle d'IA) : elle rassemble ce que le référentiel et votre brouillon disent.",
      },
      {
        kind: 'list',
        ordered: false,
        title: 'Ce que le jury évalue :',
        items: ['K5 — Des indicateurs de RSE sont proposés (compétences C10, C11)'],
      },
      {
        kind: 'list',
        ordered: true,
        title: 'Une démarche pour construire cette partie :',
        items: ['Situez cette partie dans le plan suggéré.', 'Rassemblez vos faits, chiffres et sources.'],
      },
      {
        kind: 'list',
        ordered: false,
        title: 'Pour avancer :',
        items: ['Sur K5, que concluez-vous ?', 'Quelles données vous manquent ?'],
      },
    ]);
  });

  it('renders a partial answer (while it streams) the way it will end up', () => {
    expect(answerBlocks('Pour avancer :\n- Sur K5')).toEqual([
      { kind: 'list', ordered: false, title: 'Pour avancer :', items: ['Sur K5'] },
    ]);
    expect(answerBlocks('Pour avancer :')).toEqual([{ kind: 'paragraph', text: 'Pour avancer :' }]);
  });

  it('renders bold as <strong> and never markup from the text', () => {
    const { container } = render(<AnswerText text={'**Constat** : <b>rien</b>'} />);
    expect(container.querySelector('strong')?.textContent).toBe('Constat');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('Constat : <b>rien</b>');
  });
});
