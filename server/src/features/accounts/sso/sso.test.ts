import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../../lib/env';
import { freePort } from '../../../lib/testing/free-port';
import { startOidcProvider, type TestOidcProvider } from '../../../lib/testing/oidc-provider';
import { createTestApp, DEMO_USERS } from '../../../testing';
import { redirectUriOf } from './service';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

let t: TestApp | undefined;
let idp: TestOidcProvider | undefined;
afterEach(async () => {
  await t?.close();
  await idp?.close();
  t = undefined;
  idp = undefined;
});

/** The people the identity provider knows, by login. */
const IDENTITIES = {
  camille: { email: DEMO_USERS.candidate, emailVerified: true, name: 'Camille (IdP)' },
  nouveau: { email: 'nouveau@demo.prejury.fr', emailVerified: true, name: 'Noé Nouveau' },
  ailleurs: { email: 'quelquun@autre-ecole.fr', emailVerified: true, name: 'Quelqu’un' },
  nonverifie: { email: 'nonverifie@demo.prejury.fr', emailVerified: false, name: 'Non Vérifié' },
};

/** A minimal cookie jar: name → value, from Set-Cookie headers. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '')
        this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(fragment: string) {
    return [...this.cookies.keys()].some((k) => k.includes(fragment));
  }
}

/** Submits the first form of an interaction page (login or consent) as a browser would. */
function formOf(html: string, base: string, fields: Record<string, string>) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
  const body = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) body.set(m[1], m[2]);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { url: new URL(action.replace(/&amp;/g, '&'), base).toString(), body };
}

/**
 * The browser's part at the identity provider, over real HTTP: follows its redirects, signs in with
 * `login` on its sign-in page, consents, and returns the URL it sends the browser back to (our callback).
 */
async function signInAtProvider(start: string, login: string, issuer: string): Promise<string> {
  const jar = new Jar();
  let url = start;
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (!url.startsWith(issuer)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const form = /name="login"/.test(html)
      ? formOf(html, url, { login, password: 'nimporte-quel-mot-de-passe' })
      : formOf(html, url, {});
    url = form.url;
    method = 'POST';
    body = form.body;
  }
  throw new Error('too many steps at the identity provider');
}

async function setUp(allowSignUp = false) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({
    config: { auth: { ...testConfig().auth, ssoPrivateIssuers: [issuer] } },
  });
  const [org] = await t.database.query<{ id: string }>('select id from organizations limit 1');
  idp = await startOidcProvider({
    port,
    redirectUris: [redirectUriOf('http://localhost', org.id)],
    identities: IDENTITIES,
  });
  const saved = await t.as('admin').request('/api/admin/sso', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Annuaire de l’école',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domain: 'demo.prejury.fr',
      allowSignUp,
    }),
  });
  const text = await saved.text();
  expect(saved.status, text).toBe(200);
  return { organizationId: org.id, settings: JSON.parse(text), raw: text };
}

/** The whole sign-in: our start endpoint, the provider, our callback. Returns the callback's answer. */
async function ssoSignIn(app: TestApp, login: string) {
  const jar = new Jar();
  const [button] = (await (await app.anonymous.request('/api/auth/sso/providers')).json()) as {
    providerId: string;
  }[];
  const start = await app.raw.request('/api/auth/sso/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ providerId: button.providerId, next: '/dossiers' }),
  });
  expect(start.status).toBe(200);
  jar.take(start);
  const { url } = (await start.json()) as { url: string };
  const authorize = new URL(url);
  // The authorization-code flow with PKCE (S256), state and nonce.
  expect(authorize.searchParams.get('response_type')).toBe('code');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  const back = await signInAtProvider(url, login, idp?.issuer ?? '');
  const callback = new URL(back);
  expect(callback.pathname).toBe(`/api/auth/sso/callback/${button.providerId}`);
  const res = await app.raw.request(`${callback.pathname}${callback.search}`, {
    headers: { cookie: jar.header() },
  });
  jar.take(res);
  return { res, jar, location: res.headers.get('location') ?? '' };
}

async function auditActions(app: TestApp) {
  return (
    await app.database.query<{ action: string; detail: Record<string, unknown> }>(
      'select action, detail from audit_log order by created_at',
    )
  ).filter(
    (r) =>
      r.action.startsWith('user.sso') ||
      r.action.startsWith('sso.') ||
      (r.action === 'user.create' && r.detail.via === 'sso'),
  );
}

describe('single sign-on with OpenID Connect against a real provider (oidc-provider)', () => {
  it('signs an existing user in by their verified e-mail, and audits it', async () => {
    const { settings, raw } = await setUp();
    expect(raw).not.toContain(idp?.clientSecret);
    expect(settings.provider).toMatchObject({ hasClientSecret: true, domain: 'demo.prejury.fr' });
    const buttons = await (await t?.anonymous.request('/api/auth/sso/providers'))?.json();
    expect(buttons).toEqual([{ providerId: settings.provider.providerId, name: 'Annuaire de l’école' }]);

    const app = t as TestApp;
    const { res, jar, location } = await ssoSignIn(app, 'camille');
    expect(res.status).toBe(302);
    expect(location).toBe('/dossiers');
    expect(jar.has('session_token')).toBe(true);
    const me = await app.raw.request('/api/me', { headers: { cookie: jar.header() } });
    expect(await me.json()).toMatchObject({ email: DEMO_USERS.candidate, role: 'candidate' });
    const candidateId = await app.userId('candidate');
    expect(await auditActions(app)).toEqual([
      expect.objectContaining({ action: 'sso.configure' }),
      { action: 'user.sso_sign_in', detail: { providerId: settings.provider.providerId } },
    ]);
    const [account] = await app.database.query<{ user_id: string }>(
      'select user_id from accounts where provider_id = $1',
      [settings.provider.providerId],
    );
    expect(account.user_id).toBe(candidateId);
    // The client secret is sealed in the database, never stored in clear.
    const [stored] = await app.database.query<{ oidc_config: string }>(
      'select oidc_config from sso_providers',
    );
    expect(stored.oidc_config.startsWith('enc:v1:')).toBe(true);
    expect(stored.oidc_config).not.toContain(idp?.clientSecret);
  });

  it('opens no session for a deactivated account, the session hook reading it inside the sign-in', async () => {
    await setUp();
    const app = t as TestApp;
    const id = await app.userId('candidate');
    const off = await app.as('admin').request(`/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(off.status).toBe(204);
    const { jar, location } = await ssoSignIn(app, 'camille');
    expect(jar.has('session_token')).toBe(false);
    expect(location).not.toBe('/dossiers');
    const [{ n }] = await app.database.query<{ n: number }>(
      'select count(*)::int as n from sessions where user_id = $1',
      [id],
    );
    expect(n).toBe(0);
  });

  it('refuses an address outside the allowed domain, and an unverified one, with no session', async () => {
    await setUp(true);
    const app = t as TestApp;
    for (const [login, code] of [
      ['ailleurs', 'sso_domain_refused'],
      ['nonverifie', 'sso_email_unverified'],
    ] as const) {
      const { res, jar, location } = await ssoSignIn(app, login);
      expect(res.status).toBe(302);
      const to = new URL(location, 'http://localhost');
      expect(to.pathname).toBe('/connexion/sso');
      expect(to.searchParams.get('error')).toBe(code);
      expect(jar.has('session_token')).toBe(false);
    }
    const users = await app.database.query<{ n: number }>(
      "select count(*)::int as n from users where email in ('quelquun@autre-ecole.fr', 'nonverifie@demo.prejury.fr')",
    );
    expect(users[0].n).toBe(0);
    expect((await auditActions(app)).filter((r) => r.action === 'user.sso_refused')).toEqual([
      expect.objectContaining({ detail: { code: 'sso_domain_refused' } }),
      expect.objectContaining({ detail: { code: 'sso_email_unverified' } }),
    ]);
  });

  it('refuses an unknown user when the organisation creates no accounts, and creates a candidate when it does', async () => {
    const { settings } = await setUp(false);
    const app = t as TestApp;
    const refused = await ssoSignIn(app, 'nouveau');
    expect(new URL(refused.location, 'http://localhost').searchParams.get('error')).toBe('sso_unknown_user');
    expect(refused.jar.has('session_token')).toBe(false);
    const none = await app.database.query<{ n: number }>(
      "select count(*)::int as n from users where email = 'nouveau@demo.prejury.fr'",
    );
    expect(none[0].n).toBe(0);

    // The admin allows new accounts; the secret is kept when the form leaves it out.
    const { clientSecret: _kept, ...withoutSecret } = {
      name: settings.provider.name,
      issuer: settings.provider.issuer,
      clientId: settings.provider.clientId,
      clientSecret: undefined,
      domain: settings.provider.domain,
      allowSignUp: true,
    };
    const allowed = await app.as('admin').request('/api/admin/sso', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(withoutSecret),
    });
    expect(allowed.status).toBe(200);
    const created = await ssoSignIn(app, 'nouveau');
    expect(created.location).toBe('/dossiers');
    const me = await app.raw.request('/api/me', { headers: { cookie: created.jar.header() } });
    expect(await me.json()).toMatchObject({ email: 'nouveau@demo.prejury.fr', role: 'candidate' });
    const [membership] = await app.database.query<{ role: string; organization_id: string }>(
      "select m.role, m.organization_id from memberships m join users u on u.id = m.user_id where u.email = 'nouveau@demo.prejury.fr'",
    );
    expect(membership).toEqual({ role: 'candidate', organization_id: expect.any(String) });
    const creations = (await auditActions(app)).filter((r) => r.action === 'user.create');
    expect(creations).toEqual([
      {
        action: 'user.create',
        detail: { role: 'candidate', via: 'sso', providerId: settings.provider.providerId },
      },
    ]);
  });

  it('refuses an account of another organisation with the same address domain', async () => {
    await setUp(true);
    const app = t as TestApp;
    const outsider = await app.outsider('candidate');
    const [row] = await app.database.query<{ id: string }>(
      "select id from users where email like 'candidate-%@autre.example'",
    );
    // The outsider's address, moved into the school's domain: still not the school's account.
    await app.database.query("update users set email = 'nouveau@demo.prejury.fr' where id = $1", [row.id]);
    expect(outsider).toBeTruthy();
    const { location, jar } = await ssoSignIn(app, 'nouveau');
    expect(new URL(location, 'http://localhost').searchParams.get('error')).toBe('sso_other_organization');
    expect(jar.has('session_token')).toBe(false);
  });

  it('admin settings: validated, never return the secret, closed to other roles', async () => {
    const { settings } = await setUp();
    const app = t as TestApp;
    const got = await app.as('admin').request('/api/admin/sso');
    const text = await got.text();
    expect(text).not.toContain(idp?.clientSecret);
    expect(JSON.parse(text)).toEqual(settings);
    const put = (body: unknown, who: 'admin' | 'examteam' = 'admin') =>
      app.as(who).request('/api/admin/sso', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = { ...settings.provider, clientSecret: 'x' };
    const valid = {
      name: base.name,
      issuer: base.issuer,
      clientId: base.clientId,
      domain: base.domain,
      allowSignUp: false,
    };
    const badDomain = await put({ ...valid, domain: '@demo' });
    expect(badDomain.status).toBe(400);
    expect((await badDomain.json()).error.code).toBeTruthy();
    const unreachable = await put({ ...valid, issuer: 'http://127.0.0.1:9/' });
    expect(unreachable.status).toBe(422);
    const notHttps = await put({ ...valid, issuer: 'http://idp.example.org' });
    expect(notHttps.status).toBe(422);
    expect((await put(valid, 'examteam')).status).toBe(403);
    // Nothing above changed the settings.
    expect(await (await app.as('admin').request('/api/admin/sso')).json()).toEqual(settings);
    const removed = await app.as('admin').request('/api/admin/sso', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await (await app.anonymous.request('/api/auth/sso/providers')).json()).toEqual([]);
    const unknown = await app.raw.request('/api/auth/sso/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ providerId: settings.provider.providerId }),
    });
    expect(unknown.status).toBe(404);
  });
});
