import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { DEMO_GEMEENTEN } from '../demo/demo.data.ts';
import { gemeentenRepository } from '../gemeenten/gemeenten.repository.ts';

let loket: TestLoket;
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  loket = await testLoket();
  const repo = gemeentenRepository(loket.database.db);
  for (const g of DEMO_GEMEENTEN) await repo.bewaar(g);
  await repo.bewaar({ code: 'GM9991', naam: 'Test <b>& "Co"</b>', slug: 'test-escape', domein: null, thema: {} });
  await repo.bewaar({ code: 'GM9992', naam: 'Kapot', slug: 'kapot', domein: null, thema: { kleurPrimair: 'red;} body{display:none', telefoon: '112' } });
});
afterAll(async () => loket.close());

const get = (url: string, headers: Record<string, string> = HTML) => loket.app.inject({ method: 'GET', url, headers });

const alle = (body: string, patroon: RegExp): string[] => [...body.matchAll(patroon)].map((m) => m[1] ?? '');

/** The pages of the portal: address, language, and the same page in the other language. */
const PAGINAS: { url: string; taal: 'nl' | 'en'; twin: string; h1: string }[] = [
  { url: '/', taal: 'nl', twin: '/en/', h1: 'Kies uw gemeente' },
  { url: '/en/', taal: 'en', twin: '/', h1: 'Choose your municipality' },
  { url: '/diemen/', taal: 'nl', twin: '/diemen/en/', h1: 'Welkom bij gemeente Diemen' },
  { url: '/diemen/en/', taal: 'en', twin: '/diemen/', h1: 'Welcome to the municipality of Diemen' },
  { url: '/ouder-amstel/privacy', taal: 'nl', twin: '/ouder-amstel/en/privacy', h1: 'Privacyverklaring' },
  { url: '/ouder-amstel/en/privacy', taal: 'en', twin: '/ouder-amstel/privacy', h1: 'Privacy statement' },
  { url: '/uithoorn/toegankelijkheid', taal: 'nl', twin: '/uithoorn/en/accessibility', h1: 'Toegankelijkheidsverklaring' },
  { url: '/uithoorn/en/accessibility', taal: 'en', twin: '/uithoorn/toegankelijkheid', h1: 'Accessibility statement' },
];

describe('resident portal pages', () => {
  it.each(PAGINAS)('$url is a complete, accessible page in its language', async ({ url, taal, twin, h1 }) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.body;
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="(nl|en)" /);
    expect(body).toContain(`<html lang="${taal}" `);
    // Both languages as alternates, and a language switch to the same page in the other one.
    const ander = taal === 'nl' ? 'en' : 'nl';
    expect(body).toContain(`<link rel="alternate" hreflang="${taal}" href="${url}">`);
    expect(body).toContain(`<link rel="alternate" hreflang="${ander}" href="${twin}">`);
    expect(body).toMatch(new RegExp(`<a class="utrecht-link utrecht-link--html-a" href="${twin}" lang="${ander}" hreflang="${ander}">(English|Nederlands)</a>`));
    // Skip link, landmarks, one h1.
    expect(body).toContain('<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">');
    expect(alle(body, /<main id="(\w+)"/g)).toEqual(['inhoud']);
    expect(alle(body, /<(header|footer) /g)).toEqual(['header', 'footer']);
    expect(alle(body, /<h1 [^>]*>([^<]*)<\/h1>/g)).toEqual([h1]);
    // Strict CSP: nothing inline.
    expect(body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('serves the gemeente pages in the gemeente theme, the choice page in the neutral one', async () => {
    expect((await get('/diemen/privacy')).body).toMatch(/<link rel="stylesheet" href="\/static\/thema\/diemen\.css\?v=[\w-]+">/);
    expect((await get('/')).body).toMatch(/<link rel="stylesheet" href="\/static\/thema\.css\?v=[\w-]+">/);
  });

  it('lets a resident choose from every gemeente', async () => {
    const body = (await get('/')).body;
    for (const g of DEMO_GEMEENTEN) expect(body).toContain(`href="/${g.slug}/">Gemeente ${g.naam}</a>`);
    expect((await get('/en/')).body).toContain('href="/diemen/en/">Municipality of Diemen</a>');
  });

  it('shows the real contact details of the gemeente', async () => {
    const diemen = (await get('/diemen/')).body;
    expect(diemen).toContain('Bel <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:14020">14 020</a>.');
    expect(diemen).toContain('<a class="utrecht-link utrecht-link--html-a" href="https://www.diemen.nl">www.diemen.nl</a>');
    expect((await get('/uithoorn/en/')).body).toContain('Call <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:0297513111">0297 513 111</a>.');
    expect((await get('/ouder-amstel/toegankelijkheid')).body).toContain('href="https://www.ouder-amstel.nl"');
  });

  it('links from home to both statements, and every link on every page works', async () => {
    const home = (await get('/diemen/')).body;
    expect(home).toContain('href="/diemen/privacy"');
    expect(home).toContain('href="/diemen/toegankelijkheid"');
    const gezien = new Set<string>();
    for (const { url } of PAGINAS) {
      for (const href of alle((await get(url)).body, /(?:href)="(\/[^"]*)"/g)) {
        if (gezien.has(href)) continue;
        gezien.add(href);
        const res = await get(href, {});
        expect(res.statusCode, `${href} on ${url}`).toBe(200);
      }
    }
    expect(gezien.size).toBeGreaterThan(20);
  });

  it('says in the privacy statement what a zaak keeps of the resident, the tracking page and the one-year term for contact data', async () => {
    const nl = (await get('/diemen/privacy')).body;
    expect(nl).not.toContain('nog niets aan de gemeente doorgeven');
    expect(nl).toContain('U kunt daar ook reageren of ons informatie sturen.');
    expect(nl).toContain('uw e-mailadres en telefoonnummer, alleen als u die aan ons geeft;');
    expect(nl).toContain('Uw e-mailadres en telefoonnummer wissen wij 1 jaar nadat uw zaak is afgesloten.');
    const en = (await get('/diemen/en/privacy')).body;
    expect(en).not.toContain('cannot send anything');
    expect(en).toContain('You can also reply there or send us information.');
    expect(en).toContain('We delete your email address and telephone number 1 year after your case is closed.');
  });

  it('escapes the name of a gemeente everywhere', async () => {
    for (const url of ['/', '/test-escape/', '/test-escape/en/privacy', '/test-escape/bestaat-niet']) {
      const body = (await get(url)).body;
      expect(body, url).toContain('Test &lt;b&gt;&amp; &quot;Co&quot;&lt;/b&gt;');
      expect(body, url).not.toContain('<b>');
    }
  });

  it('marks Dutch names in English text with their language', async () => {
    const body = (await get('/diemen/en/privacy')).body;
    expect(body).toContain('(<span lang="nl">Autoriteit Persoonsgegevens</span>)');
    expect(body).toContain('the <span lang="nl">Selectielijst gemeenten en intergemeentelijke organen</span> of the VNG');
    expect((await get('/diemen/privacy')).body).not.toContain('<span lang=');
  });

  it('shows no contact block when a gemeente has no contact details', async () => {
    const body = (await get('/test-escape/')).body;
    expect(body).not.toContain('tel:');
    expect(body).not.toContain('<h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Contact</h2>');
  });

  it('falls back to the neutral theme when a stored theme is invalid, and shows none of it', async () => {
    const css = (await get('/static/thema/kapot.css', {})).body;
    expect(css).not.toContain('display:none');
    expect(css).toBe((await get('/static/thema.css', {})).body);
    expect((await get('/kapot/')).body).not.toContain('tel:112');
  });

  it('redirects an address without the closing slash', async () => {
    for (const [van, naar] of [['/diemen', '/diemen/'], ['/diemen/en', '/diemen/en/'], ['/en', '/en/']]) {
      const res = await get(van as string);
      expect(res.statusCode, van).toBe(301);
      expect(res.headers.location).toBe(naar);
    }
  });
});

describe('HTML 404 for residents', () => {
  it('answers an unknown gemeente with a Dutch page in the neutral theme', async () => {
    for (const url of ['/onbekend/', '/onbekend', '/onbekend/privacy', '/Diemen/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<html lang="nl" ');
      expect(res.body).toContain('<h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Deze pagina bestaat niet</h1>');
      expect(res.body).toContain('href="/static/thema.css?v=');
      expect(res.body).toContain('href="/">Ga naar de lijst met gemeenten</a>');
    }
  });

  it('answers an unknown page of a known gemeente in its theme and language', async () => {
    const nl = await get('/diemen/bestaat-niet');
    expect(nl.statusCode).toBe(404);
    expect(nl.body).toContain('href="/static/thema/diemen.css?v=');
    expect(nl.body).toContain('href="/diemen/">Ga naar de startpagina van gemeente Diemen</a>');
    const en = await get('/diemen/en/does-not-exist');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('<html lang="en" ');
    expect(en.body).toContain('<h1 class="utrecht-heading-1 utrecht-heading-1--distanced">This page does not exist</h1>');
    // No twin page: the language switch goes to the home page in the other language.
    expect(en.body).toContain('href="/diemen/" lang="nl" hreflang="nl">Nederlands</a>');
    expect(en.body).not.toContain('rel="alternate"');
    expect((await get('/diemen/privacy/')).statusCode).toBe(404);
  });

  it('keeps problem+json for the API and for clients that do not ask for HTML', async () => {
    for (const [url, headers] of [['/api/v1/onbekend', HTML], ['/api', HTML], ['/onbekend/', {}], ['/diemen/bestaat-niet', { accept: 'application/json' }]] as const) {
      const res = await get(url, headers);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });
});

describe('stylesheets and static files', () => {
  it('serves the theme of a gemeente as Utrecht design tokens, cached for good under its hash', async () => {
    const pagina = (await get('/uithoorn/')).body;
    const url = alle(pagina, /href="(\/static\/thema\/uithoorn\.css\?v=[\w-]+)"/g)[0] ?? '';
    const res = await get(url, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toContain('--utrecht-page-header-background-color: #004b87;');
    expect(res.body).toContain('--utrecht-focus-outline-color: #b3261e;');
    // Without the current hash: revalidate, and 304 when unchanged.
    const zonder = await get('/static/thema/uithoorn.css', {});
    expect(zonder.headers['cache-control']).toBe('no-cache');
    const opnieuw = await get('/static/thema/uithoorn.css', { 'if-none-match': String(zonder.headers.etag) });
    expect(opnieuw.statusCode).toBe(304);
    expect((await get('/static/thema/onbekend.css', {})).statusCode).toBe(404);
  });

  it('serves every stylesheet a page links, and the font they use', async () => {
    const pagina = (await get('/diemen/')).body;
    const urls = alle(pagina, /<link rel="stylesheet" href="([^"]+)">/g);
    expect(urls.map((u) => u.split('?')[0])).toEqual([
      '/static/fonts.css',
      '/static/tokens.css',
      '/static/utrecht/index.css',
      '/static/portaal.css',
      '/static/thema/diemen.css',
    ]);
    for (const url of urls) {
      const res = await get(url, {});
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/css; charset=utf-8');
      expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(urls[2] ?? '', {})).body).toContain('.utrecht-page-header {');
    expect((await get(urls[1] ?? '', {})).body).toContain('.utrecht-theme {');
    const font = alle((await get(urls[0] ?? '', {})).body, /url\(([^)]+)\)/g)[0] ?? '';
    const woff2 = await get(font, {});
    expect(woff2.statusCode).toBe(200);
    expect(woff2.headers['content-type']).toBe('font/woff2');
    expect(woff2.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });
});
