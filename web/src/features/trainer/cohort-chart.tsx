import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, chartFrame, GRID_STROKE, ID_AXIS } from '../../components/chart-figure';
import { legendText } from '../../components/chart-legend';
import { LEVEL_COLORS } from '../../lib/levels';
import { levelOf, SCORES } from './decision-form';
import type { CohortView } from './queries';

type Competency = CohortView['competencies'][number];

/**
 * One horizontal bar per competency, split by score (0 to 4): how many of the cohort's dossiers reach
 * each level. The page hides it from screen readers (`ChartFigure`): the table beside it carries the same numbers.
 */
export function CohortChart({ competencies }: { competencies: Competency[] }) {
  const { t } = useTranslation();
  const data = competencies.map((c) => ({
    id: c.id,
    ...Object.fromEntries(SCORES.map((s) => [`s${s}`, c.counts[s] ?? 0])),
  }));
  return (
    <BarChart
      data={data}
      layout="vertical"
      {...chartFrame(34 * data.length + 96, { top: 4, right: 16, bottom: 4, left: 0 })}
    >
      <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
      <XAxis type="number" domain={[0, 'dataMax']} allowDecimals={false} tick={AXIS_TICK} />
      <YAxis {...ID_AXIS} width={48} />
      <Tooltip cursor={{ fill: '#f1f5f9' }} />
      <Legend formatter={legendText} wrapperStyle={{ fontSize: 12 }} />
      {SCORES.map((s) => (
        <Bar
          key={s}
          dataKey={`s${s}`}
          stackId="scores"
          name={`${s} · ${t(`levels.${levelOf(s)}`)}`}
          fill={LEVEL_COLORS[s]}
          barSize={18}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
