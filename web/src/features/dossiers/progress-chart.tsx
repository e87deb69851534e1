import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, ChartFigure, chartFrame, GRID_STROKE, TARGET_LINE } from '../../components/chart-figure';
import { ScreenReaderTable } from '../../components/data-table';
import type { DossierReview } from '../../lib/api';
import { formatScore } from '../../lib/format';

export interface ScorePoint {
  version: number;
  label: string;
  score: number;
  reviewId: string;
}

/** One point per version: the overall score of its latest finished review. */
export function scorePoints(reviews: DossierReview[], versionLabel: (v: number) => string): ScorePoint[] {
  const latest = new Map<number, DossierReview>();
  for (const r of reviews) {
    if (r.status !== 'done' || !r.overall) continue;
    const current = latest.get(r.version);
    if (!current || current.createdAt <= r.createdAt) latest.set(r.version, r);
  }
  return [...latest.values()]
    .sort((a, b) => a.version - b.version)
    .map((r) => ({
      version: r.version,
      label: versionLabel(r.version),
      score: r.overall?.score ?? 0,
      reviewId: r.id,
    }));
}

/** The overall score across drafts (0–4), with the data as a table for screen readers. */
export function ProgressChart({ points }: { points: ScorePoint[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ChartFigure
      className="progress-chart"
      caption={t('dossier.chartCaption')}
      table={
        <ScreenReaderTable
          caption={t('dossier.progressTitle')}
          columns={[{ label: t('dossier.version') }, { label: t('report.score') }]}
        >
          {points.map((p) => (
            <tr key={p.version}>
              <th scope="row">{p.label}</th>
              <td>{formatScore(p.score, i18n.language)} / 4</td>
            </tr>
          ))}
        </ScreenReaderTable>
      }
    >
      <LineChart data={points} {...chartFrame(240, { top: 12, right: 24, bottom: 4, left: 0 })}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} padding={{ left: 24, right: 24 }} />
        <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={32} tick={AXIS_TICK} />
        <ReferenceLine y={3} {...TARGET_LINE} />
        <Tooltip
          formatter={(value: unknown) => [
            typeof value === 'number' ? `${formatScore(value, i18n.language)} / 4` : '',
            t('dossier.chartScore'),
          ]}
        />
        <Line
          type="monotone"
          dataKey="score"
          stroke="#1e4e8c"
          strokeWidth={2.5}
          dot={{ r: 5, fill: '#1e4e8c', strokeWidth: 0 }}
          activeDot={{ r: 7 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
