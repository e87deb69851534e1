import { z } from '@hono/zod-openapi';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What an admin sets for their organisation's OpenID Connect provider. */
export const SsoSettingsInputSchema = z
  .object({
    name: z.string().trim().min(1, 'nom requis').max(60).openapi({ example: 'Microsoft Entra ID' }),
    issuer: z
      .string()
      .trim()
      .url('adresse de l’émetteur invalide')
      .max(500)
      .refine((v) => /^https?:\/\//.test(v), 'adresse http(s) attendue')
      .openapi({ example: 'https://login.microsoftonline.com/<tenant>/v2.0' }),
    clientId: z.string().trim().min(1, 'identifiant client requis').max(300),
    /** Write-only: omitted on an update, the stored secret is kept. */
    clientSecret: z.string().min(1).max(500).optional(),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(DOMAIN, 'domaine attendu, sans @ (ex. ecole.fr)')
      .openapi({ example: 'ecole.fr' }),
    allowSignUp: z.boolean(),
  })
  .strict()
  .openapi('SsoSettingsInput');
export type SsoSettingsInput = z.infer<typeof SsoSettingsInputSchema>;

export const SsoSettingsViewSchema = z
  .object({
    configured: z.boolean(),
    /** To register at the identity provider. */
    redirectUri: z.string(),
    provider: z
      .object({
        providerId: z.string(),
        name: z.string(),
        issuer: z.string(),
        clientId: z.string(),
        /** Whether a secret is stored; the secret itself is never returned. */
        hasClientSecret: z.boolean(),
        domain: z.string(),
        allowSignUp: z.boolean(),
        updatedAt: z.string(),
      })
      .nullable(),
  })
  .openapi('SsoSettings');
export type SsoSettingsView = z.infer<typeof SsoSettingsViewSchema>;

export const SsoButtonsSchema = z
  .array(z.object({ providerId: z.string(), name: z.string() }))
  .openapi('SsoButtons');

export const SsoSignInSchema = z
  .object({
    providerId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'fournisseur inconnu'),
    /** Where to land once signed in: a path of this app only. */
    next: z
      .string()
      .regex(/^\/[A-Za-z0-9/_-]{0,200}$/, 'chemin de l’application attendu')
      .optional(),
  })
  .strict()
  .openapi('SsoSignIn');
