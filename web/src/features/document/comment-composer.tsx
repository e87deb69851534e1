import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { InlineError } from '../../components/states';
import { type Anchor, anchorIn } from './anchor';
import styles from './document.module.css';
import { useBankMutations, useCommentBank, useCommentMutations } from './queries';

export type SelectionState = { kind: 'none' } | { kind: 'anchor'; anchor: Anchor } | { kind: 'unknown' };

/**
 * The passage selected in the document (text view or drawn page), as an anchor in its page's extracted
 * text. Pages carry `data-page`; a selection is read when the mouse or a key is released inside `root`.
 */
export function usePassageSelection(
  root: RefObject<HTMLElement | null>,
  pages: { page: number; text: string }[],
): [SelectionState, () => void] {
  const [state, setState] = useState<SelectionState>({ kind: 'none' });
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const read = () => {
      const selection = window.getSelection();
      const text = selection?.toString() ?? '';
      if (!selection || selection.isCollapsed || !text.trim()) return;
      const node = selection.anchorNode;
      const start = node instanceof Element ? node : node?.parentElement;
      if (!start || !element.contains(start)) return;
      const pageNumber = Number(start.closest('[data-page]')?.getAttribute('data-page'));
      const page = pages.find((p) => p.page === pageNumber);
      const anchor = page ? anchorIn(page.page, page.text, text) : null;
      setState(anchor ? { kind: 'anchor', anchor } : { kind: 'unknown' });
    };
    element.addEventListener('mouseup', read);
    element.addEventListener('keyup', read);
    element.addEventListener('touchend', read);
    return () => {
      element.removeEventListener('mouseup', read);
      element.removeEventListener('keyup', read);
      element.removeEventListener('touchend', read);
    };
  }, [root, pages]);
  return [state, () => setState({ kind: 'none' })];
}

/**
 * The trainer's side: once a passage is selected, « Commenter ce passage » opens a small form with the
 * passage, the comment, the trainer's bank to insert from, and a box to save the comment to the bank.
 */
export function CommentComposer({
  selection,
  onDone,
  dossierId,
  version,
}: {
  selection: SelectionState;
  onDone: () => void;
  dossierId: string;
  version: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [toBank, setToBank] = useState(false);
  const { create } = useCommentMutations(dossierId, version);
  const bank = useCommentBank(open);
  const { save, remove } = useBankMutations();
  const anchor = selection.kind === 'anchor' ? selection.anchor : null;

  function close() {
    setOpen(false);
    setBody('');
    setToBank(false);
    create.reset();
    onDone();
  }

  if (!anchor) {
    return (
      <p className={`small ${styles.selectHint}`} role="status">
        {selection.kind === 'unknown' ? t('document.selectionUnknown') : t('document.selectionHint')}
      </p>
    );
  }
  if (!open) {
    return (
      <div className={styles.composerBar}>
        <p className="small">
          {t('document.selected', { page: anchor.page })} <q>{anchor.quote.slice(0, 80)}</q>
          {anchor.quote.length > 80 ? '…' : ''}
        </p>
        <div className="button-row">
          <button type="button" className="button button-primary button-small" onClick={() => setOpen(true)}>
            {t('document.commentPassage')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className={styles.composer}
      aria-labelledby="comment-composer-title"
      onSubmit={(event) => {
        event.preventDefault();
        const text = body.trim();
        if (!text) return;
        create.mutate(
          { ...anchor, body: text },
          {
            onSuccess: () => {
              if (toBank) save.mutate(text);
              close();
            },
          },
        );
      }}
    >
      <h3 id="comment-composer-title" className={styles.composerTitle}>
        {t('document.composerTitle', { page: anchor.page })}
      </h3>
      <blockquote className={styles.composerQuote}>{anchor.quote}</blockquote>
      {bank.data && bank.data.length > 0 && (
        <div className="field">
          <label htmlFor="comment-bank-pick">{t('document.insertFromBank')}</label>
          <select
            id="comment-bank-pick"
            value=""
            onChange={(e) => {
              const picked = bank.data?.find((b) => b.id === e.target.value);
              if (picked) setBody((b) => (b.trim() ? `${b.trim()}\n${picked.body}` : picked.body));
            }}
          >
            <option value="">{t('document.bankChoose', { count: bank.data.length })}</option>
            {bank.data.map((b) => (
              <option key={b.id} value={b.id}>
                {b.body.length > 80 ? `${b.body.slice(0, 79)}…` : b.body}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field
        as="textarea"
        id="comment-body"
        label={t('document.bodyLabel')}
        className="trainer-textarea"
        rows={4}
        maxLength={2000}
        value={body}
        onValue={setBody}
        required
        // Focus goes to the text (autoFocus): the form opens on the trainer's request; typing follows.
        autoFocus
      />
      <label className={styles.check}>
        <input type="checkbox" checked={toBank} onChange={(e) => setToBank(e.target.checked)} />{' '}
        {t('document.saveToBank')}
      </label>
      {create.error && <InlineError error={create.error} />}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
          {create.isPending ? t('trainer.decision.saving') : t('document.save')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
      {bank.data && bank.data.length > 0 && (
        <details className={styles.bank}>
          <summary>{t('document.manageBank', { count: bank.data.length })}</summary>
          <ul>
            {bank.data.map((b) => (
              <li key={b.id}>
                <span>{b.body}</span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => remove.mutate(b.id)}
                  aria-label={t('document.removeFromBankAria', { body: b.body.slice(0, 40) })}
                >
                  {t('document.removeFromBank')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
