import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError, useErrorMessage } from '../../components/states';
import { api, unwrap } from '../../lib/api';
import { authPost } from './session';
import styles from './sso.module.css';

/**
 * « Se connecter avec … »: one button per identity provider an organisation configured. The server starts
 * the authorization-code flow and answers the provider's address; the browser goes there, and comes back
 * signed in (or to the refusal page).
 */
export function SsoButtons({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const providers = useQuery({
    queryKey: ['sso', 'providers'],
    queryFn: () => unwrap(api.auth.sso.providers.$get()),
    staleTime: 5 * 60_000,
  });
  const start = useMutation({
    mutationFn: async (providerId: string) =>
      (await authPost('sso/sign-in', next ? { providerId, next } : { providerId })) as { url: string },
    onSuccess: ({ url }) => window.location.assign(url),
  });
  if (!providers.data?.length) return null;
  return (
    <div className={styles.sso}>
      <p className={styles.divider}>{t('auth.sso.or')}</p>
      {providers.data.map((p) => (
        <button
          key={p.providerId}
          type="button"
          className={`button button-secondary ${styles.button}`}
          disabled={start.isPending}
          onClick={() => start.mutate(p.providerId)}
        >
          {t('auth.sso.signInWith', { name: p.name })}
        </button>
      ))}
      <FormError>{start.error && errorMessage(start.error)}</FormError>
    </div>
  );
}
