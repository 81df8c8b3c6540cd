/**
 * Resident login and "Mijn zaken" (ADR 0077). A resident logs in at the gemeente's OpenID
 * Connect broker (authorization code with PKCE, state and nonce; openid-client), or proves an
 * e-mail address with a one-time link. Either way they get a resident session: its own table and
 * cookie, 30 minutes, never a staff session. Of the BSN, Loket keeps a keyed hash (to find and
 * link zaken) and, only in the session, the BSN encrypted (to prefill a form's BSN field).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcInstellingen } from '../../config.ts';
import type { Taal } from '../../i18n/i18n.ts';
import { vertaler } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { Context, auditService } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import type { IngelogdeInwoner } from '../zaken/zaken.inwoner.ts';
import type { InwonerSessie, InwonersRepository } from './inwoners.repository.ts';

/** A resident session lasts this long from login (no sliding): short, a shared computer at the library. */
export const SESSIE_MS = 30 * 60 * 1000;
/** A login at the broker must come back within this time. */
export const INLOG_MS = 10 * 60 * 1000;
/** A one-time link by e-mail works this long, once. */
export const LINK_MS = 30 * 60 * 1000;
/** At most this many links per address per hour (more: the same answer, but no mail). */
export const LINKS_PER_UUR = 3;

export interface InwonersDeps {
  repository: InwonersRepository;
  klok: Klok;
  berichten: Berichten;
  audit: Pick<ReturnType<typeof auditService>, 'log'>;
  publicUrl: string;
  /** The key of the BSN's keyed hash and of the session's encrypted BSN. */
  sleutel: string;
  /** The broker of a gemeente (by CBS code), or undefined: no login there. */
  oidc: (gemeente: string) => OidcInstellingen | undefined;
}

/** Why a login or a link did not work: a clear page, never a 5xx. */
export class InlogFout extends Error {
  readonly reden: 'geen-login' | 'state' | 'verlopen' | 'geweigerd' | 'token' | 'geen-bsn' | 'broker';
  constructor(reden: InlogFout['reden'], bericht: string) {
    super(bericht);
    this.reden = reden;
  }
}

const BSN = /^\d{9}$/;

/** A signed-in resident as the pages see them. */
export interface Inwoner extends IngelogdeInwoner {
  soort: 'oidc' | 'email';
  naam: string;
  /** The BSN (decrypted from the session), only after a DigiD login. */
  bsn: string | null;
  verlooptOp: string;
}

const macSleutelVan = (sleutel: string): Buffer => createHash('sha256').update(`loket bsn-sleutel\n${sleutel}`).digest();

/**
 * The keyed hash of a BSN in a gemeente (64 hex) under the installation's LOKET_BSN_SLEUTEL: the
 * same BSN gives another key in another gemeente, and without the key it cannot be reversed by
 * trying all 10^9 numbers.
 */
export const bsnSleutelVan = (sleutel: string, gemeente: string, bsn: string): string => createHmac('sha256', macSleutelVan(sleutel)).update(`${gemeente}\n${bsn}`).digest('hex');

export function inwonersService(deps: InwonersDeps) {
  const { repository, klok } = deps;
  const macSleutel = macSleutelVan(deps.sleutel);
  const versleutelSleutel = createHash('sha256').update(`loket bsn-versleuteling\n${deps.sleutel}`).digest();
  const configuraties = new Map<string, Promise<client.Configuration>>();
  const nu = () => klok.nu().toISOString();
  const over = (ms: number) => new Date(klok.nu().getTime() + ms).toISOString();

  /** The keyed hash of a BSN in a gemeente (64 hex): the same BSN in another gemeente gives another key. */
  const bsnSleutel = (gemeente: string, bsn: string): string => bsnSleutelVan(deps.sleutel, gemeente, bsn);

  function versleutel(bsn: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', versleutelSleutel, iv);
    const inhoud = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), inhoud].map((b) => b.toString('base64url')).join('.');
  }

  function ontsleutel(tekst: string): string | null {
    try {
      const [iv = '', tag = '', inhoud = ''] = tekst.split('.');
      const decipher = createDecipheriv('aes-256-gcm', versleutelSleutel, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(inhoud, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** The broker's metadata, discovered once per broker (again after a failure). */
  function configuratie(instellingen: OidcInstellingen): Promise<client.Configuration> {
    const sleutel = `${instellingen.issuer}\n${instellingen.clientId}`;
    let bezig = configuraties.get(sleutel);
    if (!bezig) {
      const url = new URL(instellingen.issuer);
      // http only on loopback (the demo provider); a real broker is https.
      const onveilig = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      bezig = client.discovery(url, instellingen.clientId, instellingen.clientSecret, undefined, onveilig ? { execute: [client.allowInsecureRequests] } : undefined);
      bezig.catch(() => configuraties.delete(sleutel));
      configuraties.set(sleutel, bezig);
    }
    return bezig;
  }

  const terugUrl = (gemeente: Gemeente): string => `${deps.publicUrl}/${gemeente.slug}/inloggen/terug`;

  async function nieuweSessie(s: Omit<InwonerSessie, 'verlooptOp'>): Promise<{ token: string; verlooptOp: string }> {
    const token = randomBytes(32).toString('base64url');
    const verlooptOp = over(SESSIE_MS);
    await repository.bewaarSessie(sha256(token), { ...s, verlooptOp });
    return { token, verlooptOp };
  }

  return {
    bsnSleutel,

    /** Whether residents of this gemeente can log in with DigiD (a broker is configured). */
    kanInloggen: (gemeente: string): boolean => deps.oidc(gemeente) !== undefined,

    /** Starts a login: stores state, nonce and PKCE verifier, answers the broker's address and the state for the browser's cookie. */
    async startInlog(gemeente: Gemeente, taal: Taal): Promise<{ url: string; state: string }> {
      const instellingen = deps.oidc(gemeente.code);
      if (!instellingen) throw new InlogFout('geen-login', 'Inloggen is in deze gemeente niet ingesteld.');
      let config: client.Configuration;
      try {
        config = await configuratie(instellingen);
      } catch {
        throw new InlogFout('broker', 'De inlogdienst is niet bereikbaar.');
      }
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await repository.bewaarInlog({ gemeente: gemeente.code, stateHash: sha256(state), nonce, codeVerifier, taal, verlooptOp: over(INLOG_MS) });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: terugUrl(gemeente),
        scope: instellingen.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        ui_locales: taal,
      });
      return { url: url.href, state };
    },

    /**
     * The broker's answer at the callback: the state must be the one in this browser's cookie
     * and still be waiting (once); the code is exchanged with PKCE, the ID token's nonce checked,
     * and the BSN read from the configured claim. Answers a new session and the language.
     */
    async rondInlogAf(context: Context, gemeente: Gemeente, query: URLSearchParams, cookieState: string | undefined) {
      const instellingen = deps.oidc(gemeente.code);
      if (!instellingen) throw new InlogFout('geen-login', 'Inloggen is in deze gemeente niet ingesteld.');
      const state = query.get('state') ?? '';
      if (!state || !cookieState || state !== cookieState) throw new InlogFout('state', 'Deze inlogpoging hoort niet bij deze browser.');
      const inlog = await repository.neemInlog(gemeente.code, sha256(state), nu());
      if (!inlog) throw new InlogFout('verlopen', 'Deze inlogpoging is verlopen of al gebruikt.');
      if (query.has('error')) throw new InlogFout('geweigerd', 'Het inloggen is afgebroken of geweigerd.');
      let claims: Record<string, unknown>;
      try {
        const config = await configuratie(instellingen);
        const url = new URL(`${terugUrl(gemeente)}?${query.toString()}`);
        const tokens = await client.authorizationCodeGrant(config, url, { pkceCodeVerifier: inlog.codeVerifier, expectedState: state, expectedNonce: inlog.nonce, idTokenExpected: true });
        claims = { ...tokens.claims() };
        if (claims[instellingen.bsnClaim] === undefined && tokens.access_token) {
          const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
          claims = { ...info, ...claims };
        }
      } catch {
        throw new InlogFout('token', 'De inlogdienst gaf geen geldig antwoord.');
      }
      const bsn = claims[instellingen.bsnClaim];
      if (typeof bsn !== 'string' || !BSN.test(bsn)) throw new InlogFout('geen-bsn', 'De inlogdienst gaf geen burgerservicenummer.');
      const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
      const naam = typeof claims.name === 'string' ? claims.name.slice(0, 200) : '';
      const sessie = await nieuweSessie({ gemeente: gemeente.code, soort: 'oidc', bsnSleutel: bsnSleutel(gemeente.code, bsn), bsnVersleuteld: versleutel(bsn), naam, email });
      await deps.audit.log(context, { gemeente: gemeente.code, actie: 'inwoner-inloggen', details: { soort: 'oidc' } });
      return { ...sessie, taal: inlog.taal };
    },

    /** The resident of a session cookie, or undefined (unknown, expired, another gemeente). */
    async inwoner(gemeente: string, token: string | undefined): Promise<Inwoner | undefined> {
      if (!token || token.length > 100) return undefined;
      const s = await repository.sessie(gemeente, sha256(token), nu());
      if (!s) return undefined;
      return { soort: s.soort, naam: s.naam, email: s.email, bsnSleutel: s.bsnSleutel, bsn: s.bsnVersleuteld ? ontsleutel(s.bsnVersleuteld) : null, verlooptOp: s.verlooptOp };
    },

    /** Ends a session (logout). */
    logUit: (gemeente: string, token: string) => repository.verwijderSessie(gemeente, sha256(token)),

    /** A token for the logout form of a session: it proves the form came from Loket's own page. */
    formulierToken: (token: string): string => createHmac('sha256', macSleutel).update(`uitloggen\n${token}`).digest('base64url'),

    /**
     * "Stuur mij een link": mails a one-time link to this address, whether or not it has zaken
     * (the answer and the mail are the same: no one learns which addresses are known). Beyond
     * LINKS_PER_UUR per address per hour nothing is sent; the caller says the same.
     */
    async vraagLink(gemeente: Gemeente, email: string, taal: Taal): Promise<void> {
      const sinds = new Date(klok.nu().getTime() - 60 * 60 * 1000).toISOString();
      if ((await repository.linksSinds(gemeente.code, email, sinds)) >= LINKS_PER_UUR) return;
      const token = randomBytes(32).toString('base64url');
      const verlooptOp = over(LINK_MS);
      await repository.bewaarLink({ gemeente: gemeente.code, tokenHash: sha256(token), email, aangemaaktOp: nu(), verlooptOp });
      const t = vertaler(taal, 'inwoners');
      const link = `${deps.publicUrl}/${gemeente.slug}/${taal === 'en' ? 'en/my-cases' : 'mijn-zaken'}/link/${token}`;
      const minuten = LINK_MS / 60_000;
      await deps.berichten.verstuur({
        gemeente: gemeente.code,
        aan: email,
        onderwerp: t('mail.onderwerp', { gemeente: gemeente.naam }),
        tekst: [t('mail.aanhef'), t('mail.tekst', { link, minuten }), t('mail.nietGevraagd'), t('mail.groet', { gemeente: gemeente.naam })].join('\n\n'),
      });
    },

    /** Whether a link can be used: 'geldig', or why not. */
    async linkStaat(gemeente: string, token: string): Promise<'geldig' | 'verlopen' | 'gebruikt' | 'onbekend'> {
      const l = token.length <= 100 ? await repository.link(gemeente, sha256(token)) : undefined;
      if (!l) return 'onbekend';
      if (l.gebruikt_op) return 'gebruikt';
      return l.verloopt_op <= nu() ? 'verlopen' : 'geldig';
    },

    /** Uses a link (once): a session for its address; undefined when it is unknown, used or expired. */
    async gebruikLink(context: Context, gemeente: string, token: string): Promise<{ token: string; verlooptOp: string } | undefined> {
      if (token.length > 100) return undefined;
      const email = await repository.gebruikLink(gemeente, sha256(token), nu());
      if (!email) return undefined;
      const sessie = await nieuweSessie({ gemeente, soort: 'email', bsnSleutel: null, bsnVersleuteld: null, naam: '', email });
      await deps.audit.log(context, { gemeente, actie: 'inwoner-inloggen', details: { soort: 'email' } });
      return sessie;
    },
  };
}

export type InwonersService = ReturnType<typeof inwonersService>;
