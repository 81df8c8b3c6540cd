import { describe, expect, it } from 'vitest';
import { DEMO_GEMEENTEN } from '../demo/demo.data.ts';
import { contrast, gemeenteThemaSchema, STANDAARD_KLEUREN } from './portaal.schemas.ts';
import { themaCss } from './thema.ts';

describe('contrast', () => {
  it('computes the WCAG 2.1 ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('GemeenteThema', () => {
  it('accepts the demo gemeenten and the neutral colours', () => {
    for (const g of DEMO_GEMEENTEN) expect(gemeenteThemaSchema.safeParse(g.thema).error).toBeUndefined();
    expect(gemeenteThemaSchema.safeParse(STANDAARD_KLEUREN).success).toBe(true);
    expect(gemeenteThemaSchema.safeParse({}).success).toBe(true);
  });

  it('refuses colours without enough contrast, and says why', () => {
    const fout = gemeenteThemaSchema.safeParse({ kleurPrimair: '#8dc63f', kleurLink: '#999999', kleurFocus: '#dddddd' }).error;
    expect(fout?.issues.map((i) => i.path.join('.')).toSorted()).toEqual(['kleurFocus', 'kleurLink', 'kleurPrimair', 'kleurPrimairTekst']);
    expect(fout?.issues[0]?.message).toMatch(/Te weinig contrast: \d+\.\d\d:1, nodig is/);
    // White text on a dark primary is fine; black text on it is not.
    expect(gemeenteThemaSchema.safeParse({ kleurPrimair: '#003f7d', kleurPrimairTekst: '#000000' }).success).toBe(false);
  });

  it('refuses anything that could break out of CSS or a link', () => {
    for (const thema of [
      { kleurPrimair: 'red;} body{display:none' },
      { kleurPrimair: '#FFF' },
      { website: 'javascript:alert(1)' },
      { website: 'http://www.diemen.nl' },
      { telefoon: '14 020<script>' },
      { onbekend: 'x' },
    ]) {
      expect(gemeenteThemaSchema.safeParse(thema).success, JSON.stringify(thema)).toBe(false);
    }
  });
});

describe('themaCss', () => {
  it('sets the Utrecht design tokens from the theme, with neutral colours for what is missing', () => {
    const css = themaCss({ kleurPrimair: '#003f7d', kleurAccent: '#d52b1e', kleurFocus: '#b0120a' });
    expect(css).toMatch(/^\.utrecht-theme\.loket-thema \{\n/);
    expect(css).toContain('--utrecht-page-header-background-color: #003f7d;');
    expect(css).toContain('--utrecht-page-header-color: #ffffff;');
    expect(css).toContain('--utrecht-page-header-border-block-end-color: #d52b1e;');
    expect(css).toContain('--utrecht-link-color: #003f7d;');
    expect(css).toContain('--utrecht-focus-outline-color: #b0120a;');
    expect(themaCss({})).toContain(`--utrecht-page-header-background-color: ${STANDAARD_KLEUREN.kleurPrimair};`);
  });

  it('uses kleurLink for links when it is set', () => {
    expect(themaCss({ kleurPrimair: '#00704a', kleurLink: '#0b5394' })).toContain('--utrecht-link-color: #0b5394;');
  });
});
