import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, ChartFigure, chartFrame, GRID_STROKE, ID_AXIS } from '../../components/chart-figure';
import { ScreenReaderTable } from '../../components/data-table';
import type { GapReport } from '../../lib/api';
import { formatScore } from '../../lib/format';
import { levelColor } from '../../lib/levels';

/** Horizontal bars, one per competency of the exam, 0–4; a table carries the same data for screen readers. */
export function CompetencyChart({ competencies }: { competencies: GapReport['competencies'] }) {
  const { t, i18n } = useTranslation();
  const data = competencies.map((c) => ({ id: c.id, score: c.score ?? 0, known: c.score !== null }));
  return (
    <ChartFigure
      caption={t('report.competencyChartCaption')}
      table={
        <ScreenReaderTable
          caption={t('report.competencies')}
          columns={['competency', 'score', 'criteria'].map((k) => ({ label: t(`report.${k}`) }))}
        >
          {competencies.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.id}</th>
              <td>
                {c.score === null ? t('report.notAssessed') : `${formatScore(c.score, i18n.language)} / 4`}
              </td>
              <td>{c.criteria.join(', ')}</td>
            </tr>
          ))}
        </ScreenReaderTable>
      }
    >
      <BarChart
        data={data}
        layout="vertical"
        {...chartFrame(36 * data.length + 48, { top: 4, right: 36, bottom: 4, left: 0 })}
      >
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tick={AXIS_TICK} />
        <YAxis {...ID_AXIS} width={44} />
        <Bar dataKey="score" radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.id} fill={d.known ? levelColor(d.score) : '#cbd5e1'} />
          ))}
          <LabelList
            dataKey="score"
            position="right"
            formatter={(value: unknown) =>
              typeof value === 'number' ? formatScore(value, i18n.language) : ''
            }
            style={{ fontSize: 12, fill: '#1e293b' }}
          />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
