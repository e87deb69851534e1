import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { FillBar } from '../../components/fill-bar';
import { AlertIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { useHashTarget } from '../../components/use-hash-target';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { CompetencyChip } from '../referential/competency-chip';
import styles from './brief-page.module.css';
import { criterionAnchor, deliverableAnchor, type ExamBrief, type OutlinePart, useBrief } from './queries';

const partAnchor = (index: number) => `partie-${index + 1}`;
const methodAnchor = (id: string) => `methode-${id}`;

/**
 * An exam's brief (« fiche d'épreuve »): what to hand in, what the jury checks, the modalities, a suggested
 * outline mapped to both, the methods that fit with why, the pitfalls, and the checklist to download.
 */
export function ExamBriefPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const brief = useBrief(id);
  useDocumentTitle(brief.data ? t('brief.heading', { exam: brief.data.case }) : t('brief.title'));
  useHashTarget(Boolean(brief.data));

  return (
    <div className="page">
      <Breadcrumb
        trail={[
          { to: '/referentiel', label: t('referential.title') },
          { to: `/epreuves/${id}`, label: brief.data?.case ?? t('exam.title') },
        ]}
        current={t('brief.title')}
      />
      <QueryState query={brief} back={{ to: '/referentiel', label: t('nav.backToReferential') }}>
        {(data) => <BriefView brief={data} />}
      </QueryState>
    </div>
  );
}

/** For each deliverable or criterion id, the outline parts (indexes) that serve it. */
function partsServing(outline: OutlinePart[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  outline.forEach((part, index) => {
    for (const id of [...part.deliverables, ...part.criteria]) map.set(id, [...(map.get(id) ?? []), index]);
  });
  return map;
}

export function BriefView({ brief }: { brief: ExamBrief }) {
  const { t, i18n } = useTranslation();
  const serving = partsServing(brief.outline);
  const totalPages = brief.outline.reduce((sum, part) => sum + part.pages, 0);
  const checklistHref = api.exams[':id']['brief.md'].$path({ param: { id: brief.examId } });
  const sections = [
    ['brief-asked', t('brief.asked')],
    ['brief-judged', t('brief.judged')],
    ['brief-outline', t('brief.outline')],
    ['brief-methods', t('brief.methods')],
    ['brief-pitfalls', t('brief.pitfalls')],
  ] as const;

  return (
    <article className="brief" aria-labelledby="brief-title">
      <header className="page-header">
        <p className="eyebrow">
          {t('referential.blocLabel', { id: brief.bloc })} · {t('brief.title')}
        </p>
        <h1 id="brief-title">{t('brief.heading', { exam: brief.case })}</h1>
        <p className="lead">{t('brief.lead')}</p>
        <div className="header-actions">
          <a className="button button-primary" href={checklistHref} download>
            {t('brief.download')}
          </a>
          <Link className="button button-secondary" to={`/?epreuve=${brief.examId}`}>
            {t('exam.uploadCta')}
          </Link>
        </div>
        <p className={`muted small ${styles.briefDownloadHint}`}>{t('brief.downloadHint')}</p>
      </header>

      <nav className="toc" aria-label={t('brief.tocLabel')}>
        <ul>
          {sections.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <div className={styles.briefLayout}>
        <div className="brief-main">
          <BriefSection id="brief-asked" title={t('brief.asked')} intro={brief.context}>
            <ol className="item-list">
              {brief.asked.map((d) => (
                <li key={d.id} id={deliverableAnchor(d.id)} className={styles.briefItem}>
                  <span className="item-id">{d.id}</span>
                  <div>
                    <p className={styles.briefItemText}>{d.text}</p>
                    <PartRefs indexes={serving.get(d.id) ?? []} outline={brief.outline} />
                  </div>
                </li>
              ))}
            </ol>
          </BriefSection>

          <BriefSection id="brief-judged" title={t('brief.judged')} intro={t('exam.criteriaIntro')}>
            <ol className="item-list">
              {brief.judged.map((c) => (
                <li key={c.id} id={criterionAnchor(c.id)} className={styles.briefItem}>
                  <span className="item-id">{c.id}</span>
                  <div>
                    <p className={styles.briefItemText}>{c.text}</p>
                    <ul className="chips" aria-label={t('exam.criterionCompetencies')}>
                      {c.competencies.map((k) => (
                        <li key={k.id}>
                          <CompetencyChip id={k.id} title={`${k.code} — ${k.text}`} />
                        </li>
                      ))}
                    </ul>
                    <PartRefs indexes={serving.get(c.id) ?? []} outline={brief.outline} />
                  </div>
                </li>
              ))}
            </ol>
          </BriefSection>

          <BriefSection
            id="brief-outline"
            title={t('brief.outline')}
            intro={t('brief.outlineIntro', {
              count: totalPages,
              pages: formatNumber(totalPages, i18n.language),
            })}
          >
            <ol className={styles.briefOutline}>
              {brief.outline.map((part, index) => (
                <OutlinePartCard key={part.title} part={part} index={index} totalPages={totalPages} />
              ))}
            </ol>
          </BriefSection>

          <BriefSection id="brief-methods" title={t('brief.methods')} intro={t('brief.methodsIntro')}>
            <ul className={styles.briefMethods}>
              {brief.methods.map((m) => (
                <li key={m.id} id={methodAnchor(m.id)} className={`card ${styles.briefMethod}`}>
                  <h3 className={styles.briefMethodTitle}>{m.name}</h3>
                  <p>{m.explanation}</p>
                  <IdLinks label={t('brief.serves')} deliverables={m.deliverables} criteria={m.criteria} />
                </li>
              ))}
            </ul>
          </BriefSection>

          <BriefSection id="brief-pitfalls" title={t('brief.pitfalls')}>
            <ul className={styles.briefPitfalls}>
              {brief.pitfalls.map((p) => (
                <li key={p}>
                  <AlertIcon />
                  <span>{p}</span>
                </li>
              ))}
            </ul>
          </BriefSection>
        </div>

        <BriefSide brief={brief} />
      </div>
    </article>
  );
}

/** « Plan suggéré : partie 2, 3 », each part a link to it in the outline. */
function PartRefs({ indexes, outline }: { indexes: number[]; outline: OutlinePart[] }) {
  const { t } = useTranslation();
  if (indexes.length === 0) return null;
  return (
    <p className={styles.briefRefs}>
      <span className="muted">{t('brief.inParts', { count: indexes.length })}</span>{' '}
      {indexes.map((index, i) => (
        <span key={index}>
          {i > 0 && ', '}
          <a href={`#${partAnchor(index)}`} title={outline[index]?.title}>
            {t('brief.partNumber', { number: index + 1 })}
          </a>
        </span>
      ))}
    </p>
  );
}

/** Deliverable and criterion ids as links to them on this page. */
function IdLinks({
  label,
  deliverables,
  criteria,
}: {
  label: string;
  deliverables: string[];
  criteria: string[];
}) {
  const ids = [
    ...deliverables.map((id) => [id, deliverableAnchor(id)] as const),
    ...criteria.map((id) => [id, criterionAnchor(id)] as const),
  ];
  if (ids.length === 0) return null;
  return (
    <div className={styles.briefRefs}>
      <span className="muted">{label}</span>
      <ul className="chips" aria-label={label}>
        {ids.map(([id, anchor]) => (
          <li key={id}>
            <a className="chip" href={`#${anchor}`}>
              {id}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A titled part of the brief, with its anchor for the table of contents. */
function BriefSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro && <p className="section-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** One part of the suggested outline: its number, page budget (as a bar too), guidance and what it serves. */
function OutlinePartCard({
  part,
  index,
  totalPages,
}: {
  part: OutlinePart;
  index: number;
  totalPages: number;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li id={partAnchor(index)} className={`card ${styles.briefPart}`}>
      <span className={styles.briefPartNumber} aria-hidden="true">
        {index + 1}
      </span>
      <div className="brief-part-body">
        <div className={styles.briefPartHeader}>
          <h3 className={styles.briefPartTitle}>
            <span className="visually-hidden">{t('brief.partNumber', { number: index + 1 })} </span>
            {part.title}
          </h3>
          <span className={styles.briefPartPages}>
            {t('brief.pageBudget', {
              count: part.pages,
              pages: formatNumber(part.pages, i18n.language),
            })}
          </span>
        </div>
        {totalPages > 0 && <FillBar percent={Math.round((part.pages / totalPages) * 100)} />}
        <p>{part.guidance}</p>
        <IdLinks label={t('brief.serves')} deliverables={part.deliverables} criteria={part.criteria} />
      </div>
    </li>
  );
}

/** The side column: the exam's modalities and the integrity note. */
function BriefSide({ brief }: { brief: ExamBrief }) {
  const { t } = useTranslation();
  return (
    <aside className={styles.briefSide} aria-label={t('brief.sideLabel')}>
      <section className="card" aria-labelledby="brief-modalities-heading">
        <h2 id="brief-modalities-heading">{t('exam.modalities')}</h2>
        <ul className="bullet-list">
          {brief.modalities.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <p className={styles.briefSideLink}>
          <Link to={`/epreuves/${brief.examId}`}>{t('brief.viewExam')}</Link>
        </p>
      </section>
      <section className={`card ${styles.briefIntegrity}`} aria-labelledby="brief-integrity-heading">
        <h2 id="brief-integrity-heading">{t('brief.integrityTitle')}</h2>
        <p>{t('brief.integrity')}</p>
      </section>
    </aside>
  );
}
