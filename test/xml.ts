/**
 * A small, strict reader of the XML Loket's Open311 API writes (elements and text only, no
 * attributes, CDATA or namespaces), for tests: as a client like FixMyStreet's XML::Simple reads
 * it. Throws on anything not well-formed, so a broken answer fails the test.
 */
export interface XmlElement {
  naam: string;
  kinderen: XmlElement[];
  tekst: string;
}

const ENTITEITEN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function leesXml(bron: string): XmlElement {
  const kop = /^<\?xml version="1\.0" encoding="utf-8"\?>/.exec(bron);
  if (!kop) throw new Error('geen XML-declaratie met utf-8');
  const tokens = bron.slice(kop[0].length).match(/<[^>]*>|[^<]+/g) ?? [];
  const stapel: XmlElement[] = [{ naam: '#document', kinderen: [], tekst: '' }];
  for (const token of tokens) {
    const huidig = stapel.at(-1);
    if (!huidig) throw new Error('XML: onverwacht einde');
    if (token.startsWith('</')) {
      const naam = token.slice(2, -1);
      if (huidig.naam !== naam) throw new Error(`XML: </${naam}> sluit <${huidig.naam}>`);
      stapel.pop();
    } else if (token.startsWith('<')) {
      const leeg = token.endsWith('/>');
      const naam = token.slice(1, leeg ? -2 : -1);
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(naam)) throw new Error(`XML: vreemde tag ${token}`);
      const element = { naam, kinderen: [], tekst: '' };
      huidig.kinderen.push(element);
      if (!leeg) stapel.push(element);
    } else {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(token)) throw new Error(`XML: losse & in ${token}`);
      huidig.tekst += token.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITEITEN[e] ?? '');
    }
  }
  if (stapel.length !== 1) throw new Error('XML: niet alles gesloten');
  const [wortel, ...meer] = stapel[0]?.kinderen ?? [];
  if (!wortel || meer.length > 0) throw new Error('XML: niet precies één wortel');
  return wortel;
}

/** The children named `naam`. */
export const alle = (e: XmlElement, naam: string): XmlElement[] => e.kinderen.filter((k) => k.naam === naam);
/** The text of the one child `naam` (undefined when there is none). */
export const tekstVan = (e: XmlElement | undefined, naam: string): string | undefined => e?.kinderen.find((k) => k.naam === naam)?.tekst;
