import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../components/states';
import { formatDate } from '../../lib/format';
import type { PageMark } from '../dossiers/page-text';
import styles from './document.module.css';
import { type PassageComment, useCommentMutations } from './queries';

/** The page's text marks with the comments' passages added where they do not overlap an existing mark. */
export function withCommentMarks(marks: PageMark[], comments: PassageComment[], page: number): PageMark[] {
  const all = [...marks];
  for (const c of comments) {
    if (c.page !== page) continue;
    if (all.some((m) => c.start < m.range[1] && m.range[0] < c.end)) continue;
    all.push({ range: [c.start, c.end], key: `c-${c.id}`, className: styles.commentMark });
  }
  return all;
}

/** A short form of a passage for a note's heading. */
function excerpt(quote: string, max = 90): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The comments on one page, beside its text or under its drawing: the passage, the comment, who and
 * when. Their authors may edit or delete them (`editable`: the trainer's workspace).
 */
export function CommentNotes({
  comments,
  dossierId,
  version,
  editable = false,
}: {
  comments: PassageComment[];
  dossierId: string;
  version: number;
  editable?: boolean;
}) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <ul className={styles.notes} aria-label={t('document.notesLabel', { count: comments.length })}>
      {comments.map((c) => (
        <li key={c.id}>
          <CommentNote comment={c} dossierId={dossierId} version={version} editable={editable && c.mine} />
        </li>
      ))}
    </ul>
  );
}

function CommentNote({
  comment: c,
  dossierId,
  version,
  editable,
}: {
  comment: PassageComment;
  dossierId: string;
  version: number;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { update, remove } = useCommentMutations(dossierId, version);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [body, setBody] = useState(c.body);
  const fieldId = `comment-edit-${c.id}`;
  return (
    <article className={styles.note} data-comment={c.id}>
      <p className={styles.notePassage}>
        <span className="visually-hidden">{t('document.passage')} </span>
        <q>{excerpt(c.quote)}</q>
      </p>
      {editing ? (
        <form
          className={styles.noteForm}
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: c.id, body }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label htmlFor={fieldId}>{t('document.bodyLabel')}</label>
          <textarea
            id={fieldId}
            className="trainer-textarea"
            rows={3}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
          />
          {update.error && <InlineError error={update.error} />}
          <div className="button-row">
            <button type="submit" className="button button-primary button-small" disabled={update.isPending}>
              {t('document.saveEdit')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setBody(c.body);
                setEditing(false);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className={styles.noteBody}>{c.body}</p>
      )}
      <p className={styles.noteMeta}>
        {t('document.by', { by: c.by, date: formatDate(c.at, i18n.language) })}
        {c.updatedAt ? ` · ${t('document.edited')}` : ''}
      </p>
      {editable && !editing && (
        <div className="button-row">
          {confirming ? (
            <>
              <span className="small">{t('document.deleteConfirm')}</span>
              <button
                type="button"
                className="button button-danger button-small"
                disabled={remove.isPending}
                onClick={() => remove.mutate(c.id)}
              >
                {t('document.delete')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setEditing(true)}
              >
                {t('document.edit')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(true)}
              >
                {t('document.delete')}
              </button>
            </>
          )}
        </div>
      )}
      {remove.error && <InlineError error={remove.error} />}
    </article>
  );
}
