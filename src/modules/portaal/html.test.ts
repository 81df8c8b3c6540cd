import { describe, expect, it } from 'vitest';
import { escapeHtml, html, opmaak } from './html.ts';

describe('html template', () => {
  it('escapes every value by default, in text and attributes', () => {
    const naam = `<script>alert("x")</script> & 'co'`;
    expect(html`<a title="${naam}">${naam}</a>`.toString()).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</a>',
    );
  });

  it('keeps nested html, joins arrays and leaves nothing for null, undefined and false', () => {
    const items = ['<b>', 'c&d'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString()).toBe('<ul><li>&lt;b&gt;</li><li>c&amp;d</li></ul>0');
  });

  it('does not trust a string that looks like html', () => {
    expect(html`${'<b>vet</b>'}`.toString()).toBe('&lt;b&gt;vet&lt;/b&gt;');
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('opmaak', () => {
  it('puts markup only where the markers are, and escapes the rest', () => {
    const uit = opmaak('Bel <0>14 020</0> of <1>mail <ons></1> & kom langs.', [
      (t) => html`<a href="tel:14020">${t}</a>`,
      (t) => html`<em>${t}</em>`,
    ]);
    expect(uit.toString()).toBe('Bel <a href="tel:14020">14 020</a> of <em>mail &lt;ons&gt;</em> &amp; kom langs.');
  });

  it('fails on a marker without markup, so a wrong catalog cannot slip through', () => {
    expect(() => opmaak('Zie <1>hier</1>.', [(t) => html`${t}`])).toThrow(/<1>/);
  });
});
