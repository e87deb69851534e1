import { CHECK_LABELS, type DoctorReport, STATUS_LABELS } from './schemas';

function pad(text: string, width: number) {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The doctor's report as a French table for a terminal, then what to change. */
export function renderDoctorTable(report: DoctorReport): string {
  const head = [
    `Fournisseur : ${report.provider === 'offline' ? 'analyse hors ligne' : `${report.profile} (${report.baseURL ?? 'URL par défaut'})`}`,
    `Modèle : ${report.model} · embeddings : ${report.embeddingModel}`,
    '',
  ];
  const rows = report.checks.map((c) => [CHECK_LABELS[c.id], STATUS_LABELS[c.status], c.detail]);
  const header = ['Vérification', 'Résultat', 'Détail'];
  const widths = [0, 1].map((i) =>
    Math.max(header[i]?.length ?? 0, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    `| ${pad(cells[0] ?? '', widths[0] ?? 0)} | ${pad(cells[1] ?? '', widths[1] ?? 0)} | ${cells[2]} |`;
  const table = [
    line(header),
    `|${'-'.repeat((widths[0] ?? 0) + 2)}|${'-'.repeat((widths[1] ?? 0) + 2)}|---|`,
    ...rows.map(line),
  ];
  const fixes = report.checks.filter((c) => c.fix).map((c) => `- ${CHECK_LABELS[c.id]} : ${c.fix}`);
  const verdict = report.ok
    ? 'Verdict : prêt pour les revues.'
    : 'Verdict : à corriger avant le premier dépôt.';
  return [
    ...head,
    ...table,
    '',
    ...(fixes.length > 0 ? ['À changer :', ...fixes, ''] : []),
    verdict,
    '',
  ].join('\n');
}
