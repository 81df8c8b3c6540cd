/**
 * A real OpenID provider for the demo and the tests (ADR 0077): `oidc-provider` with its own
 * signing key and its own accessible interaction pages, on its own loopback port. It stands in
 * for the OIDC broker through which DigiD reaches a gemeente, and logs in fictional residents
 * only: its login page says so. `npm start` runs it when no broker is configured; the route and
 * browser tests log in against it (never a fake).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '../portaal/html.ts';

/** A fictional resident of the demo provider. The BSNs are from the test range (999…) and pass the elfproef. */
export interface DemoInwoner {
  sub: string;
  naam: string;
  bsn: string;
  email: string;
}

/** The fictional residents of the demo login page. */
export const DEMO_INWONERS: readonly DemoInwoner[] = [
  { sub: 'demo-inwoner-1', naam: 'Fatima el Amrani', bsn: '999993653', email: 'fatima.elamrani@example.org' },
  { sub: 'demo-inwoner-2', naam: 'Jan de Vries', bsn: '999990019', email: 'jan.devries@example.org' },
  { sub: 'demo-inwoner-3', naam: 'Priya Ramdin', bsn: '999991723', email: 'priya.ramdin@example.org' },
];

interface Opslag {
  payload: Record<string, unknown>;
  verlooptOp: number;
}

/**
 * The provider's state (sessions, interactions, codes, grants) in this process's memory: a demo
 * and test provider on one process needs no more, and a restart logs every demo resident out.
 */
const sleutel = (model: string, id: string) => `${model}:${id}`;
const levend = (o: Opslag | undefined) => (o && o.verlooptOp > Date.now() ? o : undefined);

function geheugenAdapter() {
  const alles = new Map<string, Opslag>();
  return class GeheugenAdapter {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number): Promise<void> {
      alles.set(sleutel(this.model, id), { payload, verlooptOp: Date.now() + expiresIn * 1000 });
      if (typeof payload.uid === 'string') alles.set(sleutel(`${this.model}:uid`, payload.uid), { payload: { id }, verlooptOp: Date.now() + expiresIn * 1000 });
      if (typeof payload.grantId === 'string') {
        const lijst = sleutel('grant', payload.grantId);
        const ids = (alles.get(lijst)?.payload.ids as string[] | undefined) ?? [];
        alles.set(lijst, { payload: { ids: [...ids, sleutel(this.model, id)] }, verlooptOp: Date.now() + expiresIn * 1000 });
      }
    }
    async find(id: string): Promise<Record<string, unknown> | undefined> {
      return levend(alles.get(sleutel(this.model, id)))?.payload;
    }
    async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
      const id = levend(alles.get(sleutel(`${this.model}:uid`, uid)))?.payload.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const o = alles.get(sleutel(this.model, id));
      if (o) o.payload = { ...o.payload, consumed: Math.floor(Date.now() / 1000) };
    }
    async destroy(id: string): Promise<void> {
      alles.delete(sleutel(this.model, id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const k of (alles.get(sleutel('grant', grantId))?.payload.ids as string[] | undefined) ?? []) alles.delete(k);
      alles.delete(sleutel('grant', grantId));
    }
  };
}

export interface DemoProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim of the ID token that holds the BSN. */
  bsnClaim: string;
  close(): Promise<void>;
}

export interface DemoProviderOpties {
  /** Loopback port; 0: any free one. */
  port?: number;
  host?: string;
  /** The callback addresses of the Loket that logs in here (`{publicUrl}/{slug}/inloggen/terug`). */
  redirectUris: string[];
}

const PAGINA_CSS = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
.let-op{border:3px solid #8a4b00;padding:0.5rem 1rem;background:#fff8e6}
fieldset{border:1px solid #555;padding:1rem;margin:1rem 0}
label{display:block;padding:0.25rem 0}
button{font-size:1rem;padding:0.5rem 1rem;margin:0.5rem 0.5rem 0 0;color:#fff;background:#1a4480;border:2px solid #1a4480}
button.secundair{color:#1a4480;background:#fff}
button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}`;

function pagina(titel: string, inhoud: string): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titel)} – demo-inlogdienst</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header><p>Demo-inlogdienst van Loket (geen DigiD)</p></header>
<main>
<h1>${escapeHtml(titel)}</h1>
${inhoud}
</main>
</body>
</html>
`;
}

function loginPagina(uid: string, fout: boolean): string {
  const keuzes = DEMO_INWONERS.map(
    (inwoner, i) =>
      `<label><input type="radio" name="inwoner" value="${escapeHtml(inwoner.sub)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(inwoner.naam)} (BSN ${escapeHtml(inwoner.bsn)})</label>`,
  ).join('\n');
  return pagina(
    'Inloggen als demo-inwoner',
    `<div class="let-op" role="note">
<p><strong>Let op: dit is geen echte inlogdienst.</strong> Dit is een demonstratie. De inwoners hieronder zijn verzonnen; hun namen en burgerservicenummers horen niet bij echte mensen.</p>
<p lang="en">This is not a real login service. The residents below are fictional demo residents.</p>
</div>
${fout ? '<p role="alert"><strong>Kies een demo-inwoner.</strong></p>' : ''}
<form method="post" action="/interactie/${escapeHtml(uid)}/login">
<fieldset>
<legend>Als welke demo-inwoner wilt u inloggen?</legend>
${keuzes}
</fieldset>
<button type="submit">Inloggen</button>
</form>
<form method="post" action="/interactie/${escapeHtml(uid)}/afbreken">
<button type="submit" class="secundair">Afbreken en terug</button>
</form>`,
  );
}

async function formulier(req: IncomingMessage): Promise<URLSearchParams> {
  const delen: Buffer[] = [];
  let grootte = 0;
  for await (const deel of req) {
    grootte += (deel as Buffer).length;
    if (grootte > 10_000) break;
    delen.push(deel as Buffer);
  }
  return new URLSearchParams(Buffer.concat(delen).toString('utf8'));
}

function stuur(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Starts the demo provider on loopback; the issuer is `http://{host}:{port}`. */
export async function startDemoProvider(opties: DemoProviderOpties): Promise<DemoProvider> {
  const host = opties.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opties.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const clientId = 'loket-demo';
  const clientSecret = randomBytes(24).toString('base64url');
  // Its own signing key for this run (no development keys of the package).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    adapter: geheugenAdapter(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opties.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'bsn', 'profile', 'email'],
    claims: { openid: ['sub'], bsn: ['bsn'], profile: ['name'], email: ['email', 'email_verified'] },
    // The broker puts the BSN in the ID token itself.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interactie/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const inwoner = DEMO_INWONERS.find((i) => i.sub === sub);
      if (!inwoner) return undefined;
      return { accountId: sub, claims: async () => ({ sub, bsn: inwoner.bsn, name: inwoner.naam, email: inwoner.email, email_verified: true }) };
    },
    // One trusted client (as a broker's): the consent is the login itself.
    async loadExistingGrant(ctx) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const bestaand = session.grantIdFor(client.clientId);
      if (bestaand) {
        const grant = await ctx.oidc.provider.Grant.find(bestaand);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = pagina('Er ging iets mis', `<p>De demo-inlogdienst kon dit verzoek niet afhandelen.</p><p><code>${escapeHtml(String(out.error))}</code></p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const pad = (req.url ?? '/').split('?')[0] ?? '/';
      const treffer = /^\/interactie\/([\w-]+)(\/login|\/afbreken)?$/.exec(pad);
      if (pad === '/demo.css') return stuur(res, 200, PAGINA_CSS, 'text/css; charset=utf-8');
      if (!treffer) return callback(req, res);
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== treffer[1]) return stuur(res, 400, pagina('Er ging iets mis', '<p>Deze inlogpoging hoort niet bij deze browser.</p>'));
      if (req.method === 'GET' && !treffer[2]) return stuur(res, 200, loginPagina(details.uid, false));
      if (req.method !== 'POST') return stuur(res, 405, pagina('Er ging iets mis', '<p>Deze actie kan zo niet.</p>'));
      if (treffer[2] === '/afbreken') {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'De inwoner heeft het inloggen afgebroken.' }, { mergeWithLastSubmission: false });
      }
      const gekozen = (await formulier(req)).get('inwoner');
      if (!DEMO_INWONERS.some((i) => i.sub === gekozen)) return stuur(res, 400, loginPagina(details.uid, true));
      return provider.interactionFinished(req, res, { login: { accountId: gekozen as string } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      if (!res.headersSent) stuur(res, 400, pagina('Er ging iets mis', `<p>${escapeHtml(error instanceof Error ? error.message : 'Onbekende fout')}</p>`));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    bsnClaim: 'bsn',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
