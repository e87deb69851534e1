import { useTranslation } from 'react-i18next';
import styles from './calibration.module.css';

export interface Cell {
  human: number;
  ai: number;
}

/**
 * Rows: the human score; columns: the AI's. Each non-empty cell is a button that lists its dossiers.
 * Counts are written in every cell; shading (heavier for more dossiers) and the diagonal's outline only
 * repeat what the numbers say.
 */
export function ConfusionMatrix({
  matrix,
  min,
  caption,
  raterLabel,
  selected,
  onSelect,
}: {
  matrix: number[][];
  min: number;
  caption: string;
  raterLabel: string;
  selected: Cell | null;
  onSelect: (cell: Cell) => void;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...matrix.flat());
  const scores = matrix.map((_, j) => min + j);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1)
    <div className="table-scroll" tabIndex={0}>
      <table className={styles.confusionMatrix}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td className={styles.corner}>
              <span>{raterLabel}</span> ↓ / <span>{t('calibration.matrix.ai')}</span> →
            </td>
            {scores.map((ai) => (
              <th key={ai} scope="col">
                {t('calibration.matrix.aiScore', { score: ai })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scores.map((human) => {
            const row = matrix[human - min];
            return (
              <tr key={`human-${human}`}>
                <th scope="row">{t('calibration.matrix.humanScore', { rater: raterLabel, score: human })}</th>
                {scores.map((ai) => {
                  const count = row[ai - min];
                  const gap = Math.abs(ai - human);
                  const className = gap === 0 ? 'diag' : gap === 1 ? 'near' : 'far';
                  const isSelected = selected?.human === human && selected.ai === ai;
                  return (
                    <td
                      key={`cell-${human}-${ai}`}
                      className={className}
                      style={
                        count > 0
                          ? { ['--weight' as string]: String(0.12 + (0.55 * count) / max) }
                          : undefined
                      }
                    >
                      {count === 0 ? (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">0</span>
                        </>
                      ) : (
                        <button
                          type="button"
                          aria-pressed={isSelected}
                          aria-label={t('calibration.matrix.cell', { count, human, ai, rater: raterLabel })}
                          onClick={() => onSelect({ human, ai })}
                        >
                          {count}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
