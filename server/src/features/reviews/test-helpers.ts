import type { StubChatCall } from '../../lib/llm/testing/stub-server';

/**
 * A scripted "model" for the stub server: grades by quoting the first real sentence of the fenced
 * dossier, plus an invented quote that verification must drop. Scores come from `scoreFor`.
 */
export function quotingResponder(scoreFor: (criterionId: string) => number = () => 3) {
  return (call: StubChatCall) => {
    const criterionId = /Critère à évaluer maintenant : (K\d+)/.exec(call.prompt)?.[1] ?? 'K?';
    const fenced = /<<<DOSSIER id=(\w+)>>>\n([\s\S]*?)\n<<<FIN DOSSIER id=\1>>>/.exec(call.prompt)?.[2] ?? '';
    const first = /\[p\. (\d+)[^\]]*\] ([\s\S]*?)(?:\n\n\[p\.|$)/.exec(fenced);
    const page = Number(first?.[1] ?? 1);
    const sentence = (first?.[2] ?? '').split(/(?<=[.!?])\s+/).find((s) => s.length >= 40) ?? '';
    return {
      score: scoreFor(criterionId),
      rationale: `Évaluation simulée de ${criterionId}.`,
      evidence: [
        { quote: sentence.slice(0, 300), page },
        { quote: 'Cette phrase inventée ne figure nulle part dans le dossier du candidat évalué.', page: 2 },
      ],
      missing: ['Une analyse chiffrée'],
      recommendations: ['Chiffrez vos hypothèses.'],
    };
  };
}
