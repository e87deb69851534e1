import styles from './pager.module.css';

/**
 * « Précédent · page 2 sur 5 · Suivant » under a paged table. The words come from the caller (each list
 * says its pages its own way); the page is 1-based and the buttons stop at both ends.
 */
export function Pager({
  page,
  pages,
  onPage,
  label,
  status,
  previous,
  next,
  small = false,
  className,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** The navigation landmark's name. */
  label: string;
  /** Where we are, e.g. « Page 2 sur 5 ». */
  status: string;
  previous: string;
  next: string;
  small?: boolean;
  /** Placement on the page (the caller's CSS Module). */
  className?: string;
}) {
  const button = small ? 'button button-secondary button-small' : 'button button-secondary';
  return (
    <nav className={className ? `${styles.pager} ${className}` : styles.pager} aria-label={label}>
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {previous}
      </button>
      <span aria-live="polite">{status}</span>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {next}
      </button>
    </nav>
  );
}
