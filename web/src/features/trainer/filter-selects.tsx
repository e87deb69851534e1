import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect, optionsOf, useSetSearchParam } from '../../components/filter-bar';
import { useMe } from '../auth/session';
import { useExams } from '../referential/queries';
import { QUEUE_FLAGS } from './reasons';

/** The trainer pages' filters in the address, with French names: `?epreuve=…&promotion=…&signal=…`. */
export const TRAINER_PARAMS = {
  exam: 'epreuve',
  cohort: 'promotion',
  flag: 'signal',
  unchecked: 'a-verifier',
} as const;

type Filter = 'exam' | 'cohort' | 'flag';
/** The first option of each select, « all » of its kind (`trainer.queue.<key>`). */
const ALL = { exam: 'allExams', cohort: 'allCohorts', flag: 'allFlags' } as const;

/**
 * The queue's and the cohort view's filter form, named `label`: the selects in the order given, each with
 * its current value, then `children` (more fields). Choosing one sets its parameter in the address
 * (`TRAINER_PARAMS`). Ids are `<idPrefix>-<filter>`.
 */
export function TrainerFilters({
  label,
  idPrefix,
  filters,
  children,
}: {
  label: string;
  idPrefix: string;
  filters: readonly (readonly [Filter, string | undefined])[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const exams = useExams();
  const me = useMe();
  const setParam = useSetSearchParam();
  const options = {
    exam: () => optionsOf(exams.data, (e) => `${e.bloc} · ${e.case}`),
    cohort: () => optionsOf(me.data?.trainerCohorts, (c) => c.name),
    flag: () => QUEUE_FLAGS.map((flag) => [flag, t(`trainer.flags.${flag}`)] as const),
  };
  return (
    <form className="card filters" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {filters.map(([filter, value]) => (
        <FilterSelect
          key={filter}
          id={`${idPrefix}-${filter}`}
          className="field filter-field"
          label={t(`trainer.queue.${filter}`)}
          value={value ?? ''}
          onChange={(v) => setParam(TRAINER_PARAMS[filter], v)}
          all={t(`trainer.queue.${ALL[filter]}`)}
          options={options[filter]()}
        />
      ))}
      {children}
    </form>
  );
}
