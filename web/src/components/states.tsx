import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isClientError } from '../lib/api';

/** The message to show for an error: the server's own when it gave one, else a translated one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.message) return error.message;
      if (error.code === 'network') return t('errors.network');
      if (error.status === 404) return t('errors.notFound');
      return t('errors.http', { status: error.status });
    }
    return t('errors.generic');
  };
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/**
 * An error with the server's message. Retrying is offered for transport and server errors only: a 4xx
 * (not found, invalid) would answer the same again, so `back` offers a way out instead.
 */
export function ErrorState({
  error,
  title,
  onRetry,
  back,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  const canRetry = onRetry && !isClientError(error);
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title ?? t('errors.title')}</p>
      <p>{message}</p>
      {(canRetry || back) && (
        <div className="state-action">
          {canRetry && (
            <button type="button" className="button button-secondary" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
          {back && (
            <Link className="button button-secondary" to={back.to}>
              {back.label}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
  icon,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="state state-empty">
      {icon && (
        <div className="state-icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
      {action && <div className="state-action">{action}</div>}
    </div>
  );
}

/** Inline error for a form or an action (upload, delete): announced, with the server's message. */
export function InlineError({ error }: { error: unknown }) {
  const message = useErrorMessage()(error);
  return (
    <p className="inline-error" role="alert">
      {message}
    </p>
  );
}

/** An inline form error, announced when it appears; nothing when there is none. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="form-error" role="alert">
      {children}
    </p>
  );
}
