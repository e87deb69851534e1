import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { Field } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { ErrorState, InlineError, Loading } from '../../components/states';
import styles from './calibration.module.css';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import {
  type RubricCriterion,
  type RubricVersion,
  useRubricVersion,
  useRubricVersions,
  useSaveRubric,
} from './queries';

const LEVELS = [0, 1, 2, 3, 4] as const;

/**
 * `/calibration/grilles/:examId/nouvelle?depuis=v1` (a new version edited from another; default: the
 * active one) and `/calibration/grilles/:examId/:version/modifier` (a version nobody has used yet).
 */
export const RubricEditorPage = calibrationPage(Editor);

function Editor() {
  const { examId = '', version: editing } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const versions = useRubricVersions(examId);
  const active = versions.data?.find((v) => v.active)?.version;
  const base = editing ?? params.get('depuis') ?? active ?? '';
  const source = useRubricVersion(examId, base);
  const title = editing
    ? t('calibration.editor.editTitle', { version: editing })
    : t('calibration.editor.newTitle', { version: base });
  useDocumentTitle(title);
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb examId={examId} rubrics current={title} />
      <PageHeader title={title} lead={t('calibration.editor.lead')} />
      {!base || source.isPending ? (
        versions.error ? (
          <ErrorState error={versions.error} back={{ to: '/calibration', label: t('calibration.back') }} />
        ) : (
          <Loading />
        )
      ) : source.error ? (
        <ErrorState
          error={source.error}
          back={{ to: `/calibration/grilles/${examId}`, label: t('calibration.rubrics.back') }}
        />
      ) : editing && source.data.used ? (
        <ErrorState
          error={null}
          title={t('calibration.editor.frozen', { version: editing })}
          back={{ to: `/calibration/grilles/${examId}`, label: t('calibration.rubrics.back') }}
        />
      ) : (
        <EditorForm
          key={source.data.version}
          examId={examId}
          source={source.data}
          editing={editing ?? null}
        />
      )}
    </div>
  );
}

function EditorForm({
  examId,
  source,
  editing,
}: {
  examId: string;
  source: RubricVersion;
  editing: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [criteria, setCriteria] = useState<RubricCriterion[]>(() => structuredClone(source.rubric.criteria));
  const [note, setNote] = useState(editing ? (source.note ?? '') : '');
  const save = useSaveRubric(examId, editing);
  const scale = source.rubric.scale;

  const update = (index: number, change: (c: RubricCriterion) => RubricCriterion) =>
    setCriteria((list) => list.map((c, i) => (i === index ? change(structuredClone(c)) : c)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { ...(editing ? {} : { basedOn: source.version }), note, criteria },
      {
        onSuccess: (saved) =>
          navigate(`/calibration/grilles/${examId}?de=${saved.basedOn ?? source.version}&a=${saved.version}`),
      },
    );
  }

  return (
    <form className={styles.rubricEditor} onSubmit={submit} noValidate>
      {criteria.map((c, index) => (
        <fieldset key={c.id} className={`card section ${styles.rubricCriterion}`}>
          <legend>
            <span className="criterion-id">{c.id}</span>
          </legend>
          <div className="field">
            <label htmlFor={`${c.id}-text`}>{t('calibration.editor.text')}</label>
            <textarea
              id={`${c.id}-text`}
              rows={2}
              value={c.text}
              onChange={(e) => update(index, (x) => ({ ...x, text: e.target.value }))}
            />
          </div>
          <div className={`field ${styles.fieldNarrow}`}>
            <label htmlFor={`${c.id}-weight`}>{t('calibration.editor.weight')}</label>
            <input
              id={`${c.id}-weight`}
              type="number"
              min={0.1}
              max={100}
              step={0.5}
              value={c.weight}
              onChange={(e) => update(index, (x) => ({ ...x, weight: Number(e.target.value) }))}
            />
          </div>
          <details className={styles.descriptors}>
            <summary>{t('calibration.editor.descriptors')}</summary>
            {LEVELS.map((level) => (
              <div className="field" key={level}>
                <label htmlFor={`${c.id}-d${level}`}>
                  {t('calibration.editor.level', { score: level, label: scale[level]?.label ?? level })}
                </label>
                <textarea
                  id={`${c.id}-d${level}`}
                  rows={2}
                  value={c.descriptors[level]}
                  onChange={(e) =>
                    update(index, (x) => ({
                      ...x,
                      descriptors: { ...x.descriptors, [level]: e.target.value },
                    }))
                  }
                />
              </div>
            ))}
          </details>
          <AnchorsEditor criterion={c} update={(change) => update(index, change)} />
        </fieldset>
      ))}
      <div className="card section">
        <Field
          as="textarea"
          id="rubric-note"
          label={t('calibration.editor.note')}
          rows={3}
          maxLength={1000}
          value={note}
          onValue={setNote}
        />
        {save.error && <InlineError error={save.error} />}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {editing ? t('calibration.editor.saveEdit', { version: editing }) : t('calibration.editor.save')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** A criterion's anchor excerpts: a score and the passage that earns it, added and removed in place. */
function AnchorsEditor({
  criterion: c,
  update,
}: {
  criterion: RubricCriterion;
  update: (change: (c: RubricCriterion) => RubricCriterion) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.anchors}>
      <p className={styles.anchorsTitle}>{t('calibration.editor.anchors', { count: c.anchors.length })}</p>
      <p className="muted small">{t('calibration.editor.anchorsHelp')}</p>
      {c.anchors.map((anchor, a) => (
        // Anchors have no id of their own; their position is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className={styles.anchor} key={a}>
          <div className={`field ${styles.fieldNarrow}`}>
            <label htmlFor={`${c.id}-a${a}-score`}>{t('calibration.editor.anchorScore')}</label>
            <select
              id={`${c.id}-a${a}-score`}
              value={anchor.score}
              onChange={(e) =>
                update((x) => {
                  x.anchors[a] = { ...x.anchors[a], score: Number(e.target.value) };
                  return x;
                })
              }
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${c.id}-a${a}-excerpt`}>{t('calibration.editor.anchorExcerpt')}</label>
            <textarea
              id={`${c.id}-a${a}-excerpt`}
              rows={2}
              maxLength={1500}
              value={anchor.excerpt}
              onChange={(e) =>
                update((x) => {
                  x.anchors[a] = { ...x.anchors[a], excerpt: e.target.value };
                  return x;
                })
              }
            />
          </div>
          <button
            type="button"
            className="button button-danger-outline button-small"
            onClick={() => update((x) => ({ ...x, anchors: x.anchors.filter((_, i) => i !== a) }))}
          >
            {t('calibration.editor.removeAnchor', { id: c.id, n: a + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={c.anchors.length >= 12}
        onClick={() => update((x) => ({ ...x, anchors: [...x.anchors, { score: 2, excerpt: '' }] }))}
      >
        {t('calibration.editor.addAnchor', { id: c.id })}
      </button>
    </div>
  );
}
