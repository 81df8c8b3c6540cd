import { describe, expect, it } from 'vitest';
import { herkomstToegestaan, leesReactie, maskeer, paginaSleutel, patroonPast, routeer, websiteAdres } from './paginafeedback.regels.ts';

describe('maskeer', () => {
  it('masks e-mail addresses, telephone numbers and IBANs, and leaves dates, postcodes and house numbers', () => {
    expect(maskeer('Mail naar j.de.vries+afval@gemeente-uithoorn.nl of info@xn--bcher-kva.example.')).toBe('Mail naar [e-mailadres] of [e-mailadres].');
    for (const nummer of ['0612345678', '06-12345678', '06 123 456 78', '+31 6 12345678', '+31(0)20-1234567', '(020) 123 45 67', '0031 20 123 4567', '020/1234567']) {
      expect(maskeer(`Bel ${nummer} graag.`), nummer).toBe('Bel [telefoonnummer] graag.');
    }
    expect(maskeer('BSN 123456782')).toBe('BSN [telefoonnummer]');
    expect(maskeer('IBAN NL91ABNA0417164300 en NL91 ABNA 0417 1643 00')).toBe('IBAN [rekeningnummer] en [rekeningnummer]');
    const gewoon = 'Op 12-03-2026 om 14.30 uur, postcode 1421 AB, huisnummer 12, 3 containers, € 150,00, pagina 2 van 10.';
    expect(maskeer(gewoon)).toBe(gewoon);
  });
});

describe('the website and its addresses', () => {
  const domeinen = ['uithoorn.nl'];
  it('accepts https on a domain or a subdomain, nothing else', () => {
    expect(websiteAdres('https://www.uithoorn.nl/afval?x=1#a', domeinen)?.hostname).toBe('www.uithoorn.nl');
    expect(websiteAdres('https://uithoorn.nl/', domeinen)).toBeDefined();
    for (const fout of ['http://www.uithoorn.nl/', 'https://uithoorn.nl.evil.example/', 'https://eviluithoorn.nl/', 'https://user@www.uithoorn.nl/', 'https://www.uithoorn.nl:444/', '/afval', 'javascript:alert(1)', '', undefined]) {
      expect(websiteAdres(fout, domeinen), String(fout)).toBeUndefined();
    }
    expect(herkomstToegestaan('https://www.uithoorn.nl', domeinen)).toBe(true);
    expect(herkomstToegestaan('https://www.uithoorn.nl/pad', domeinen)).toBe(false);
    expect(herkomstToegestaan('null', domeinen)).toBe(false);
    expect(paginaSleutel(new URL('https://www.uithoorn.nl/afval/grofvuil?postcode=1421AB#kop'))).toBe('https://www.uithoorn.nl/afval/grofvuil');
  });
});

const url = (pad: string) => new URL(`https://www.uithoorn.nl${pad}`);

describe('routing by pattern', () => {
  it('a path and everything under it, * within a segment, an exact path, a host', () => {
    expect(patroonPast('/afval/*', url('/afval'))).toBe(true);
    expect(patroonPast('/afval/*', url('/afval/'))).toBe(true);
    expect(patroonPast('/afval/*', url('/afval/grofvuil/aanvragen'))).toBe(true);
    expect(patroonPast('/afval/*', url('/afvalwater'))).toBe(false);
    expect(patroonPast('/nieuws/2026-*', url('/nieuws/2026-03-milieustraat'))).toBe(true);
    expect(patroonPast('/nieuws/2026-*', url('/nieuws/2026-03/milieustraat'))).toBe(false);
    expect(patroonPast('/paspoort', url('/paspoort'))).toBe(true);
    expect(patroonPast('/paspoort', url('/paspoort/'))).toBe(true);
    expect(patroonPast('/paspoort', url('/paspoort-aanvragen'))).toBe(false);
    expect(patroonPast('/a.b', url('/axb'))).toBe(false);
    expect(patroonPast('werken.uithoorn.nl/*', new URL('https://werken.uithoorn.nl/vacatures'))).toBe(true);
    expect(patroonPast('werken.uithoorn.nl/*', url('/vacatures'))).toBe(false);
    expect(routeer([{ patroon: '/afval/*', team: 'a' }, { patroon: '/*', team: 'b' }], url('/afval/x'))).toBe('a');
    expect(routeer([{ patroon: '/afval/*', team: 'a' }], url('/wonen'))).toBeNull();
  });
});

describe('leesReactie', () => {
  it('all field problems at once; the honeypot is a bot', () => {
    expect(leesReactie({ pagina: 'https://evil.example/', gevonden: '', volledigheid: '0', tekst: 'x'.repeat(11) }, ['uithoorn.nl'], 10)).toEqual({
      fouten: [
        { name: 'pagina', code: 'andere-website', reason: 'Deze pagina hoort niet bij de website van de gemeente (https en een van haar domeinen).' },
        { name: 'gevonden', code: 'verplicht', reason: 'Kies ja of nee.' },
        { name: 'volledigheid', code: 'ongeldige-score', reason: 'Kies een cijfer van 1 tot en met 5.' },
        { name: 'tekst', code: 'te-lang', reason: 'Uw opmerking is 11 tekens. Dat mag hoogstens 10 zijn.' },
      ],
    });
    expect(leesReactie({ website: 'x', gevonden: 'ja' }, [], 10)).toEqual({ bot: true });
  });
});
