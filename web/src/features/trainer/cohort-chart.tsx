import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { legendText } from '../../components/chart-legend';
import { LEVEL_COLORS } from '../../lib/levels';
import { levelOf, SCORES } from './decision-form';
import type { CohortView } from './queries';

type Competency = CohortView['competencies'][number];

/**
 * One horizontal bar per competency, split by score (0 to 4): how many of the cohort's dossiers reach
 * each level. Hidden from screen readers: the table beside it carries the same numbers.
 */
export function CohortChart({ competencies }: { competencies: Competency[] }) {
  const { t } = useTranslation();
  const data = competencies.map((c) => ({
    id: c.id,
    ...Object.fromEntries(SCORES.map((s) => [`s${s}`, c.counts[s] ?? 0])),
  }));
  return (
    <div aria-hidden="true" className="chart-canvas cohort-chart">
      <BarChart
        data={data}
        layout="vertical"
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: 34 * data.length + 96 }}
        margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          domain={[0, 'dataMax']}
          allowDecimals={false}
          tick={{ fontSize: 12, fill: '#475569' }}
        />
        <YAxis
          type="category"
          dataKey="id"
          width={48}
          tick={{ fontSize: 13, fill: '#1e293b', fontWeight: 600 }}
          tickLine={false}
        />
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
    </div>
  );
}
