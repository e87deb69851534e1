import type { ReactNode } from 'react';

/**
 * A page's title bar: an optional eyebrow (where the page sits) above the `h1`, the lead under it, then
 * anything the page adds there (a search box). With `action`, a button sits beside the title
 * (`page-header-row`; an `action` of `false` keeps that layout while the button is hidden).
 */
export function PageHeader({
  title,
  lead,
  eyebrow,
  action,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  eyebrow?: ReactNode;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const text = (
    <>
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </>
  );
  return action !== undefined ? (
    <header className="page-header page-header-row">
      <div>{text}</div>
      {action}
    </header>
  ) : (
    <header className="page-header">{text}</header>
  );
}
