import type { ReactNode } from 'react';
import type { ApiError, PcHoofdstuk as Hoofdstuk, PcProgramma } from '../../api.ts';
import { Knop, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Melding } from '../../components/Melding.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Tekstvak } from '../../components/Velden.tsx';
import { WijzigFormulier, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { alineas, getal, Groep, invoerFout, leesGetal, vervang, zonder } from './pc.gedeeld.tsx';

/*
 * The finance parts of a chapter in the editor: the table "Wat heeft het gekost?" (names and
 * amounts, with the controles in words), the paragrafen, the proposed overhevelingen and the
 * investeringen. Each saves its whole list with If-Match; rows carry their own explanations along.
 */

type Taal = string;

/**
 * The field id of an invalidParam here: every amount has a field of its own
 * ("financien.regels.2.bedragen.1" → "financien-regels-2-bedragen-1"; a problem with the whole
 * row's amounts goes to its first one); a paragraph of a text goes to the text field.
 */
function veldVan(name: string): string {
  const delen = name.replace(/^(body[./]|\/)/, '').split(/[./]/).filter(Boolean);
  if (delen.at(-1) === 'bedragen') delen.push('0');
  else if (/^\d+$/.test(delen.at(-1) ?? '') && delen.at(-2) !== 'bedragen') delen.pop();
  return delen.join('-');
}
const foutVoor = (fout: ApiError | null, id: string): string | undefined => fout?.problem.invalidParams?.find((p) => veldVan(p.name) === id)?.reason;
const veldenVoor = (fout: ApiError | null): Record<string, string> => Object.fromEntries((fout?.problem.invalidParams ?? []).map((p) => [p.name, veldVan(p.name)]));
const alsTekst = (n: number | null, taal: Taal): string => (n === null ? '' : taal === 'en' ? String(n) : String(n).replace('.', ','));

/** Typed amounts → numbers; a problem per field that is not a number, named like the server names it. */
function bedragen(teksten: readonly string[], pad: string, taal: Taal, fouten: { name: string; reason: string }[], melding: string): (number | null)[] {
  return teksten.map((tekst, k) => {
    const n = leesGetal(tekst, taal);
    if (n === undefined) fouten.push({ name: `${pad}.${k}`, reason: melding });
    return n ?? null;
  });
}

interface LijstProps<T> {
  wijziging: Wijziging<PcProgramma>;
  /** The part of the chapter (also the prefix of the field ids and of the server's invalidParams). */
  naam: 'paragrafen' | 'overhevelingen' | 'investeringen';
  begin: T[];
  nieuw(lijst: readonly T[]): T;
  legenda(i: number): string;
  knop: string;
  erbij: string;
  weg(i: number): string;
  leeg: string;
  renderVelden(item: T, zet: (nieuw: T) => void, id: string, foutBij: (id: string) => string | undefined): ReactNode;
  /** The list as the API takes it; throws an input error for fields that are not right. */
  body(lijst: T[]): unknown;
  /** How a version that cannot change shows the list. */
  renderLezen(lijst: T[]): ReactNode;
}

/** A list of groups of fields, each removable, with one to add; saved as a whole. */
function Lijst<T>({ wijziging, naam, begin, nieuw, legenda, knop, erbij, weg, leeg, renderVelden, body, renderLezen }: LijstProps<T>) {
  const formulier = useFormulier({ lijst: begin });
  const { waarden, zet, fout } = formulier;
  const lijst = waarden.lijst;
  if (!wijziging.data.bewerkbaar) return lijst.length === 0 ? <p className="utrecht-paragraph">{leeg}</p> : renderLezen(lijst);
  const foutBij = (id: string) => foutVoor(fout, id);
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={knop} velden={veldenVoor(fout)} body={(w) => ({ [naam]: body(w.lijst) })}>
      {lijst.length === 0 && <p className="utrecht-paragraph">{leeg}</p>}
      {lijst.map((item, i) => (
        <Groep key={i} legenda={legenda(i)}>
          {renderVelden(item, (n) => zet('lijst', vervang(lijst, i, n)), `${naam}-${i}`, foutBij)}
          <div>
            <Knop soort="subtle" onClick={() => zet('lijst', zonder(lijst, i))}>
              {weg(i)}
            </Knop>
          </div>
        </Groep>
      ))}
      <div>
        <Knop soort="secondary-action" onClick={() => zet('lijst', [...lijst, nieuw(lijst)])}>
          {erbij}
        </Knop>
      </div>
    </WijzigFormulier>
  );
}

/** Titled text sections ("Kaderstellende beleidsnota's", "Toelichting op de financiën", …). */
export function Paragrafen({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  return (
    <Lijst
      wijziging={wijziging}
      naam="paragrafen"
      begin={wijziging.data.hoofdstuk.paragrafen.map((p) => ({ titel: p.titel, tekst: p.tekst.join('\n\n') }))}
      nieuw={() => ({ titel: '', tekst: '' })}
      legenda={(i) => t('pc.paragraafNr', { nr: i + 1 })}
      knop={t('pc.paragrafenOpslaan')}
      erbij={t('pc.paragraafErbij')}
      weg={(i) => t('pc.paragraafWeg', { nr: i + 1 })}
      leeg={t('pc.geenParagrafen')}
      body={(lijst) => lijst.map((p) => ({ titel: p.titel.trim(), tekst: alineas(p.tekst) }))}
      renderLezen={(lijst) =>
        lijst.map((p, i) => (
          <div key={i}>
            <h3 className="utrecht-heading-3">{p.titel}</h3>
            {alineas(p.tekst).map((a, j) => (
              <p key={j} className="utrecht-paragraph">
                {a}
              </p>
            ))}
          </div>
        ))
      }
      renderVelden={(p, zet, id, foutBij) => (
        <>
          <Veld id={`${id}-titel`} label={t('pc.paragraafTitel')} autoComplete="off" value={p.titel} onChange={(e) => zet({ ...p, titel: e.target.value })} fout={foutBij(`${id}-titel`)} />
          <Tekstvak id={`${id}-tekst`} rows={5} label={t('pc.paragraafTekst')} uitleg={t('pc.alineasUitleg')} value={p.tekst} onChange={(e) => zet({ ...p, tekst: e.target.value })} fout={foutBij(`${id}-tekst`)} />
        </>
      )}
    />
  );
}

/** Proposed overhevelingen: name, amount (× the table's unit), motivation. */
export function Overhevelingen({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t, taal } = useTaal();
  const eenheid = wijziging.data.hoofdstuk.financien?.eenheid ?? 1000;
  return (
    <Lijst
      wijziging={wijziging}
      naam="overhevelingen"
      begin={wijziging.data.hoofdstuk.overhevelingen.map((o) => ({ naam: o.naam, bedrag: alsTekst(o.bedrag, taal), motivering: o.motivering }))}
      nieuw={() => ({ naam: '', bedrag: '', motivering: '' })}
      legenda={(i) => t('pc.overhevelingNr', { nr: i + 1 })}
      knop={t('pc.overhevelingenOpslaan')}
      erbij={t('pc.overhevelingErbij')}
      weg={(i) => t('pc.overhevelingWeg', { nr: i + 1 })}
      leeg={t('pc.geenOverhevelingen')}
      renderLezen={(lijst) => (
        <KopTabel bijschrift={t('pc.overhevelingenKop')} koppen={[t('pc.naam'), t('pc.bedragInEenheid', { eenheid: getal(eenheid, taal) }), t('pc.motivering')]}>
          {lijst.map((o, i) => (
            <tr key={i} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {o.naam}
              </th>
              <td className="utrecht-table__cell">{o.bedrag}</td>
              <td className="utrecht-table__cell">{o.motivering}</td>
            </tr>
          ))}
        </KopTabel>
      )}
      body={(lijst) => {
        const fouten: { name: string; reason: string }[] = [];
        const uit = lijst.map((o, i) => {
          const bedrag = leesGetal(o.bedrag, taal);
          if (typeof bedrag !== 'number') fouten.push({ name: `overhevelingen.${i}.bedrag`, reason: t('pc.geenBedrag') });
          return { naam: o.naam, bedrag: bedrag ?? 0, motivering: o.motivering.trim() };
        });
        if (fouten.length) throw invoerFout(fouten);
        return uit;
      }}
      renderVelden={(o, zet, id, foutBij) => (
        <>
          <Veld id={`${id}-naam`} label={t('pc.naam')} autoComplete="off" required value={o.naam} onChange={(e) => zet({ ...o, naam: e.target.value })} fout={foutBij(`${id}-naam`)} />
          <Veld id={`${id}-bedrag`} label={t('pc.bedragInEenheid', { eenheid: getal(eenheid, taal) })} inputMode="decimal" autoComplete="off" value={o.bedrag} onChange={(e) => zet({ ...o, bedrag: e.target.value })} fout={foutBij(`${id}-bedrag`)} />
          <Tekstvak id={`${id}-motivering`} rows={3} label={t('pc.motivering')} value={o.motivering} onChange={(e) => zet({ ...o, motivering: e.target.value })} fout={foutBij(`${id}-motivering`)} />
        </>
      )}
    />
  );
}

/** "Krediet; Uitgaven 2024" → the column names. */
const kolommenVan = (tekst: string): string[] =>
  tekst
    .split(';')
    .map((k) => k.trim())
    .filter(Boolean);

/** Investments: name, the columns of its table and one amount per column. */
export function Investeringen({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t, taal } = useTaal();
  return (
    <Lijst
      wijziging={wijziging}
      naam="investeringen"
      begin={wijziging.data.hoofdstuk.investeringen.map((inv) => ({ naam: inv.naam, kolommen: inv.kolommen.join('; '), bedragen: inv.kolommen.map((_, k) => alsTekst(inv.bedragen[k] ?? null, taal)) }))}
      nieuw={(lijst) => ({ naam: '', kolommen: lijst.at(-1)?.kolommen ?? '', bedragen: [] })}
      legenda={(i) => t('pc.investeringNr', { nr: i + 1 })}
      knop={t('pc.investeringenOpslaan')}
      erbij={t('pc.investeringErbij')}
      weg={(i) => t('pc.investeringWeg', { nr: i + 1 })}
      leeg={t('pc.geenInvesteringen')}
      renderLezen={(lijst) => (
        <ul className="utrecht-unordered-list">
          {lijst.map((inv, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              {inv.naam}: {kolommenVan(inv.kolommen).map((k, x) => `${k} ${inv.bedragen[x] || '–'}`).join(', ')}
            </li>
          ))}
        </ul>
      )}
      body={(lijst) => {
        const fouten: { name: string; reason: string }[] = [];
        const uit = lijst.map((inv, i) => {
          const kolommen = kolommenVan(inv.kolommen);
          return { naam: inv.naam, kolommen, bedragen: bedragen(kolommen.map((_, k) => inv.bedragen[k] ?? ''), `investeringen.${i}.bedragen`, taal, fouten, t('pc.geenBedrag')) };
        });
        if (fouten.length) throw invoerFout(fouten);
        return uit;
      }}
      renderVelden={(inv, zet, id, foutBij) => (
        <>
          <Veld id={`${id}-naam`} label={t('pc.naam')} autoComplete="off" required value={inv.naam} onChange={(e) => zet({ ...inv, naam: e.target.value })} fout={foutBij(`${id}-naam`)} />
          <Veld id={`${id}-kolommen`} label={t('pc.kolommen')} uitleg={t('pc.kolommenUitleg')} autoComplete="off" value={inv.kolommen} onChange={(e) => zet({ ...inv, kolommen: e.target.value })} fout={foutBij(`${id}-kolommen`)} />
          {kolommenVan(inv.kolommen).map((kolom, k) => (
            <Veld key={k} id={`${id}-bedragen-${k}`} label={t('pc.bedragIn', { kolom, naam: inv.naam || t('pc.investeringNr', { nr: Number(id.split('-')[1]) + 1 }) })} inputMode="decimal" autoComplete="off" value={inv.bedragen[k] ?? ''} onChange={(e) => zet({ ...inv, bedragen: vervang(kolommenVan(inv.kolommen).map((_, x) => inv.bedragen[x] ?? ''), k, e.target.value) })} fout={foutBij(`${id}-bedragen-${k}`)} />
          ))}
        </>
      )}
    />
  );
}

/** Lines of text as a list. */
function Regels({ regels }: { regels: string[] }) {
  return (
    <ul className="utrecht-unordered-list">
      {regels.map((r, i) => (
        <li key={i} className="utrecht-unordered-list__item">
          {r}
        </li>
      ))}
    </ul>
  );
}

/**
 * The controles of the main table in words: what does not add up is highlighted; a rounding
 * difference (ADR 0034) is named as such, not as an error; or that all add up.
 */
function Controles({ h }: { h: Hoofdstuk }) {
  const { t, taal } = useTaal();
  const eigen = h.controles.filter((c) => c.tabel === undefined);
  if (eigen.length === 0) return null;
  const fout = eigen.filter((c) => !c.ok);
  const afronding = eigen.filter((c) => c.ok && c.oordeel === 'afrondingsverschil');
  const regel = (c: Hoofdstuk['controles'][number]) =>
    t('pc.controleRegel', { regel: c.regel, kolom: c.kolom, document: c.document === null ? '–' : getal(c.document, taal), berekend: getal(c.berekend, taal) });
  const afrondingen =
    afronding.length > 0 ? (
      <Melding soort="info" rol="none">
        <p className="utrecht-paragraph">
          <strong>{t('pc.controlesAfronding', { count: afronding.length })}</strong>
        </p>
        <Regels regels={afronding.map((c) => `${regel(c)} ${t('pc.controleVerschil', { verschil: getal(c.verschil ?? 0, taal) })}`)} />
      </Melding>
    ) : null;
  if (fout.length === 0)
    return (
      <>
        {afronding.length === 0 && <p className="utrecht-paragraph">{t('pc.controlesOk')}</p>}
        {afrondingen}
      </>
    );
  return (
    <>
      <Melding soort="warning" rol="none">
        <p className="utrecht-paragraph">
          <strong>{t('pc.controlesFout', { count: fout.length })}</strong>
        </p>
        <Regels regels={fout.map(regel)} />
      </Melding>
      {afrondingen}
    </>
  );
}

/** "Wat heeft het gekost?": rows with names and amounts; add, rename, remove; the controles are computed again on saving. */
export function Financien({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t, taal } = useTaal();
  const h = wijziging.data.hoofdstuk;
  const f = h.financien;
  const formulier = useFormulier({ regels: (f?.regels ?? []).map((r) => ({ ...r, bedragen: r.bedragen.map((b) => alsTekst(b, taal)) })) });
  const { waarden, zet, fout } = formulier;
  if (!f) return <p className="utrecht-paragraph">{t('pc.geenFinancien')}</p>;
  const regels = waarden.regels;
  const eenheid = getal(f.eenheid, taal);
  if (!wijziging.data.bewerkbaar) {
    return (
      <>
        <KopTabel bijschrift={t('pc.financienVan', { eenheid })} koppen={[t('pc.regel'), ...f.kolommen]}>
          {f.regels.map((r, i) => (
            <tr key={i} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {r.naam}
              </th>
              {r.bedragen.map((b, k) => (
                <td key={k} className="utrecht-table__cell loket-getal">
                  {getal(b, taal)}
                </td>
              ))}
            </tr>
          ))}
        </KopTabel>
        <Controles h={h} />
      </>
    );
  }
  function body(w: typeof waarden) {
    const fouten: { name: string; reason: string }[] = [];
    const uit = w.regels.map((r, i) => ({ ...r, bedragen: bedragen(r.bedragen, `financien.regels.${i}.bedragen`, taal, fouten, t('pc.geenBedrag')) }));
    if (fouten.length) throw invoerFout(fouten);
    return { financien: { ...f, regels: uit } };
  }
  return (
    <>
      <Controles h={h} />
      <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('pc.financienOpslaan')} velden={veldenVoor(fout)} body={body}>
        <p className="utrecht-paragraph">{t('pc.financienUitleg', { eenheid })}</p>
        {regels.map((r, i) => {
          const id = `financien-regels-${i}`;
          const zetRegel = (nieuw: typeof r) => zet('regels', vervang(regels, i, nieuw));
          return (
            <Groep key={i} legenda={t('pc.regelNr', { nr: i + 1, naam: r.naam })}>
              <Veld id={`${id}-naam`} label={t('pc.naam')} autoComplete="off" required value={r.naam} onChange={(e) => zetRegel({ ...r, naam: e.target.value })} fout={foutVoor(fout, `${id}-naam`)} />
              {f.kolommen.map((kolom, k) => (
                <Veld key={k} id={`${id}-bedragen-${k}`} label={t('pc.bedragIn', { kolom, naam: r.naam })} inputMode="decimal" autoComplete="off" value={r.bedragen[k] ?? ''} onChange={(e) => zetRegel({ ...r, bedragen: vervang(r.bedragen, k, e.target.value) })} fout={foutVoor(fout, `${id}-bedragen-${k}`)} />
              ))}
              <div>
                <Knop soort="subtle" onClick={() => zet('regels', zonder(regels, i))}>
                  {t('pc.regelWeg', { naam: r.naam || i + 1 })}
                </Knop>
              </div>
            </Groep>
          );
        })}
        <div>
          <Knop soort="secondary-action" onClick={() => zet('regels', [...regels, { naam: '', bedragen: f.kolommen.map(() => '') }])}>
            {t('pc.regelErbij')}
          </Knop>
        </div>
      </WijzigFormulier>
    </>
  );
}
