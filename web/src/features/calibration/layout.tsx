import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, type Crumb } from '../../components/breadcrumb';
import { forRoles } from '../auth/require-auth';
import { useExam } from '../referential/queries';

/** A calibration page: the exam team's (and admins'); the API enforces the same rule. */
export function calibrationPage(Page: ComponentType): ComponentType {
  return forRoles(['examteam', 'admin'], Page);
}

/**
 * Calibration › exam › (its rubrics | a set) › current page. The exam is named by its case once loaded;
 * without `examId` (the page's data still loading) the trail stops at Calibration.
 */
export function CalibrationBreadcrumb({
  examId,
  rubrics = false,
  set,
  current,
}: {
  examId?: string;
  rubrics?: boolean;
  set?: { id: string; name: string };
  current: string;
}) {
  const { t } = useTranslation();
  const exam = useExam(examId);
  const trail: Crumb[] = [{ to: '/calibration', label: t('calibration.title') }];
  if (examId) {
    trail.push({ to: `/calibration?epreuve=${examId}`, label: exam.data?.case ?? examId });
    if (rubrics) trail.push({ to: `/calibration/grilles/${examId}`, label: t('calibration.rubrics.title') });
    if (set) trail.push({ to: `/calibration/jeux/${set.id}`, label: set.name });
  }
  return <Breadcrumb trail={trail} current={current} />;
}
