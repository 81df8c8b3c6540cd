import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ktoInstellingSchema } from '../../../../../src/modules/kto/kto.schemas.ts';
import { KTO_VORMEN, STANDAARD_OPZET } from '../../../../../src/modules/kto/kto.regels.ts';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type KpiWaarde, type Pagina as ApiPagina, type SessieGemeente, type Team, type Zaaktype } from '../../api.ts';
import { FoutSamenvatting, Knop, Veld, Vinkje, useVerzenden } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { pct } from './EnqueteRapport.tsx';
import { dagInNederland } from '../../tijd.ts';

type Instelling = z.output<typeof ktoInstellingSchema>;
type Vorm = (typeof KTO_VORMEN)[number];
const KTO_KPI = 'tevredenheid-na-afhandeling';

/**
 * The question after closing (KTO) per zaaktype: on/off, its form, the sample rate, the question
 * text nl/en, the choice list and the optional text (beheerders, ADR 0086), and the share of
 * satisfied answers per zaaktype over the last 90 days from the KPI register.
 */
export function Kto({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const apiPad = gemeentePad(gemeente.code);
  const instellingen = useLaden<{ items: Instelling[] }>(`${apiPad}/kto-instellingen`);
  const zaaktypen = useLaden<ApiPagina<Zaaktype>>(`${apiPad}/zaaktypen?pageSize=100`);
  const { meld, meldingVoor } = useSectieMelding();
  const zaaktypeNaam = (code: string) => {
    const z = zaaktypen.data?.items.find((x) => x.code === code);
    return z ? z.naam[taal] || z.naam.nl : code;
  };
  const codes = [...new Set([...(zaaktypen.data?.items.map((z) => z.code) ?? []), ...(instellingen.data?.items.map((i) => i.zaaktype) ?? [])])].toSorted((a, b) => zaaktypeNaam(a).localeCompare(zaaktypeNaam(b)));
  return (
    <Pagina titel={t('kto.titel')}>
      <p className="utrecht-paragraph">{t('kto.uitleg')}</p>
      {heeftRecht(gemeente.rollen, 'kpiLezen') && <Resultaten gemeente={gemeente} zaaktypeNaam={zaaktypeNaam} />}
      <Sectie titel={t('kto.instellingenTitel')} melding={meldingVoor('instelling')}>
        {instellingen.data && zaaktypen.data ? (
          codes.map((code) => (
            <InstellingFormulier
              key={`${code}-${instellingen.ronde}`}
              gemeente={gemeente}
              naam={zaaktypeNaam(code)}
              huidig={instellingen.data?.items.find((i) => i.zaaktype === code) ?? { zaaktype: code, actief: false, vorm: 'score-5', steekproef: 100, ...STANDAARD_OPZET }}
              onBewaard={(nieuw) => {
                const items = instellingen.data?.items.filter((i) => i.zaaktype !== nieuw.zaaktype) ?? [];
                instellingen.zet({ data: { items: [...items, nieuw] }, etag: undefined });
                meld('instelling', t('kto.bewaard', { zaaktype: zaaktypeNaam(nieuw.zaaktype) }));
              }}
            />
          ))
        ) : (
          <Laadstatus fout={instellingen.fout ?? zaaktypen.fout} />
        )}
      </Sectie>
    </Pagina>
  );
}

/** An option of the choice list while it is edited: `id` keeps React's row; `sleutel` is empty for a new one until it is saved. */
interface KeuzeRij {
  id: number;
  sleutel: string;
  nl: string;
  en: string;
}

/** A key for a new option from its Dutch text (lower case, digits, hyphens), not one already in the list. */
function sleutelVoor(nl: string, bezet: ReadonlySet<string>): string {
  const basis =
    nl
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'keuze';
  let sleutel = basis;
  for (let n = 2; bezet.has(sleutel); n++) sleutel = `${basis}-${n}`;
  return sleutel;
}

function InstellingFormulier({ gemeente, naam, huidig, onBewaard }: { gemeente: SessieGemeente; naam: string; huidig: Instelling; onBewaard(i: Instelling): void }) {
  const { t } = useTaal();
  const [waarden, setWaarden] = useState({
    actief: huidig.actief,
    vorm: huidig.vorm,
    steekproef: String(huidig.steekproef),
    eigenVraag: huidig.vraag !== null,
    vraagNl: huidig.vraag?.nl ?? '',
    vraagEn: huidig.vraag?.en ?? '',
    toelichtingVragen: huidig.toelichtingVragen,
  });
  const [keuzes, setKeuzes] = useState<KeuzeRij[]>(() => huidig.keuzes.map((k, i) => ({ id: i, ...k })));
  const [volgende, setVolgende] = useState(huidig.keuzes.length);
  const { fout, bezig, verzend } = useVerzenden();
  const id = `kto-${huidig.zaaktype}`;
  const wijzig = (i: number, deel: Partial<KeuzeRij>) => setKeuzes((rijen) => rijen.map((r, n) => (n === i ? { ...r, ...deel } : r)));
  function verplaats(i: number, richting: -1 | 1) {
    setKeuzes((rijen) => {
      const nieuw = [...rijen];
      const [rij] = nieuw.splice(i, 1);
      if (rij) nieuw.splice(i + richting, 0, rij);
      return nieuw;
    });
    requestAnimationFrame(() => document.getElementById(`${id}-keuze-${i + richting}-${richting < 0 ? 'omhoog' : 'omlaag'}`)?.focus());
  }
  function voegToe() {
    setKeuzes((rijen) => [...rijen, { id: volgende, sleutel: '', nl: '', en: '' }]);
    const nr = keuzes.length;
    setVolgende((n) => n + 1);
    requestAnimationFrame(() => document.getElementById(`${id}-keuze-${nr}-nl`)?.focus());
  }
  function verwijder(i: number) {
    setKeuzes((rijen) => rijen.filter((_, n) => n !== i));
    requestAnimationFrame(() => document.getElementById(`${id}-keuze-toevoegen`)?.focus());
  }
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const steekproef = Number(waarden.steekproef);
      const bezet = new Set(keuzes.map((k) => k.sleutel).filter(Boolean));
      const lijst = keuzes.map((k) => {
        if (k.sleutel) return { sleutel: k.sleutel, nl: k.nl, en: k.en };
        const sleutel = sleutelVoor(k.nl, bezet);
        bezet.add(sleutel);
        return { sleutel, nl: k.nl, en: k.en };
      });
      const body = {
        actief: waarden.actief,
        vorm: waarden.vorm,
        steekproef: waarden.steekproef.trim() !== '' && Number.isInteger(steekproef) ? steekproef : waarden.steekproef,
        vraag: waarden.eigenVraag ? { nl: waarden.vraagNl, en: waarden.vraagEn } : null,
        keuzes: lijst,
        toelichtingVragen: waarden.toelichtingVragen,
      };
      const bewaard = (await api.put<Instelling>(`${gemeentePad(gemeente.code)}/kto-instellingen/${encodeURIComponent(huidig.zaaktype)}`, { body })).data;
      setKeuzes(bewaard.keuzes.map((k, i) => ({ id: volgende + i, ...k })));
      setVolgende((n) => n + bewaard.keuzes.length);
      onBewaard(bewaard);
    });
  }
  const foutVelden: Record<string, string> = {
    actief: `${id}-actief`,
    vorm: `${id}-vorm`,
    steekproef: `${id}-steekproef`,
    'vraag.nl': `${id}-vraag-nl`,
    'vraag.en': `${id}-vraag-en`,
    keuzes: `${id}-keuze-toevoegen`,
    toelichtingVragen: `${id}-toelichting`,
    ...Object.fromEntries(keuzes.flatMap((_, i) => [[`keuzes.${i}.nl`, `${id}-keuze-${i}-nl`], [`keuzes.${i}.en`, `${id}-keuze-${i}-en`], [`keuzes.${i}.sleutel`, `${id}-keuze-${i}-nl`]])),
  };
  return (
    <form className="loket-form loket-groep" onSubmit={verstuur} noValidate aria-labelledby={`${id}-kop`}>
      <h3 id={`${id}-kop`} className="utrecht-heading-3">
        {naam}
      </h3>
      <FoutSamenvatting fout={fout} velden={foutVelden} />
      <Vinkje id={`${id}-actief`} label={t('kto.actief', { zaaktype: naam })} checked={waarden.actief} onChange={(e) => setWaarden((w) => ({ ...w, actief: e.target.checked }))} fout={fout?.veld('actief')} />
      <Keuzelijst
        id={`${id}-vorm`}
        label={t('kto.vorm')}
        opties={KTO_VORMEN.map((v) => ({ waarde: v, label: t(`kto.vormen.${v}`) }))}
        value={waarden.vorm}
        onChange={(e) => setWaarden((w) => ({ ...w, vorm: e.target.value as Vorm }))}
        fout={fout?.veld('vorm')}
      />
      <Veld id={`${id}-steekproef`} label={t('kto.steekproef')} uitleg={t('kto.steekproefUitleg')} inputMode="numeric" value={waarden.steekproef} onChange={(e) => setWaarden((w) => ({ ...w, steekproef: e.target.value }))} fout={fout?.veld('steekproef')} />
      <Vinkje id={`${id}-eigen-vraag`} label={t('kto.eigenVraag')} uitleg={t('kto.eigenVraagUitleg')} checked={waarden.eigenVraag} onChange={(e) => setWaarden((w) => ({ ...w, eigenVraag: e.target.checked }))} />
      {waarden.eigenVraag && (
        <>
          <Veld id={`${id}-vraag-nl`} label={t('kto.vraagNl')} uitleg={t('kto.vraagUitleg')} autoComplete="off" required value={waarden.vraagNl} onChange={(e) => setWaarden((w) => ({ ...w, vraagNl: e.target.value }))} fout={fout?.veldPad('vraag.nl')} />
          <Veld id={`${id}-vraag-en`} label={t('kto.vraagEn')} autoComplete="off" required value={waarden.vraagEn} onChange={(e) => setWaarden((w) => ({ ...w, vraagEn: e.target.value }))} fout={fout?.veldPad('vraag.en')} />
        </>
      )}
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={`${id}-keuzes-uitleg`}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kto.keuzesTitel')}</legend>
        <p className="utrecht-paragraph" id={`${id}-keuzes-uitleg`}>
          {t('kto.keuzesUitleg')}
        </p>
        {keuzes.map((k, i) => (
          <fieldset key={k.id} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('kto.keuzeNr', { nr: i + 1 })}</legend>
            <Veld id={`${id}-keuze-${i}-nl`} label={t('kto.keuzeNl')} autoComplete="off" required value={k.nl} onChange={(e) => wijzig(i, { nl: e.target.value })} fout={fout?.veldPad(`keuzes.${i}.nl`) ?? fout?.veldPad(`keuzes.${i}.sleutel`)} />
            <Veld id={`${id}-keuze-${i}-en`} label={t('kto.keuzeEn')} autoComplete="off" required value={k.en} onChange={(e) => wijzig(i, { en: e.target.value })} fout={fout?.veldPad(`keuzes.${i}.en`)} />
            <div className="utrecht-button-group">
              {i > 0 && (
                <Knop id={`${id}-keuze-${i}-omhoog`} soort="subtle" onClick={() => verplaats(i, -1)} aria-label={t('kto.omhoogNr', { nr: i + 1 })}>
                  {t('kto.omhoog')}
                </Knop>
              )}
              {i < keuzes.length - 1 && (
                <Knop id={`${id}-keuze-${i}-omlaag`} soort="subtle" onClick={() => verplaats(i, 1)} aria-label={t('kto.omlaagNr', { nr: i + 1 })}>
                  {t('kto.omlaag')}
                </Knop>
              )}
              <Knop soort="subtle" onClick={() => verwijder(i)} aria-label={t('kto.verwijderNr', { nr: i + 1 })}>
                {t('kto.verwijderen')}
              </Knop>
            </div>
          </fieldset>
        ))}
        {fout?.veldPad('keuzes') && <p className="utrecht-form-field-error-message">{fout.veldPad('keuzes')}</p>}
        <Knop id={`${id}-keuze-toevoegen`} soort="secondary-action" onClick={voegToe}>
          {t('kto.keuzeToevoegen')}
        </Knop>
      </fieldset>
      <Vinkje id={`${id}-toelichting`} label={t('kto.toelichtingVragen')} checked={waarden.toelichtingVragen} onChange={(e) => setWaarden((w) => ({ ...w, toelichtingVragen: e.target.checked }))} fout={fout?.veld('toelichtingVragen')} />
      <Knop type="submit" bezig={bezig} aria-label={t('kto.bewarenVoor', { zaaktype: naam })}>
        {t('kto.bewaren')}
      </Knop>
    </form>
  );
}

type Soort = 'zaaktype' | 'team' | 'kanaal';

/** The KPI "tevreden na afhandeling" over the last 90 days: in all, and per zaaktype, team and channel the zaak came in through. */
function Resultaten({ gemeente, zaaktypeNaam }: { gemeente: SessieGemeente; zaaktypeNaam(code: string): string }) {
  const { t, taal } = useTaal();
  const [periode] = useState(() => ({ van: dagInNederland(89), tot: dagInNederland() }));
  // This page is for beheerders, who may read teams.
  const teams = useLaden<ApiPagina<Team>>(`${gemeentePad(gemeente.code)}/teams?pageSize=100`);
  const basis = `${gemeentePad(gemeente.code)}/kpis/${KTO_KPI}/waarden?periodeVan=${periode.van}&periodeTot=${periode.tot}&uitsplitsing=`;
  const perZaaktype = useLaden<KpiWaarde>(`${basis}zaaktype`);
  const perTeam = useLaden<KpiWaarde>(`${basis}team`);
  const perKanaal = useLaden<KpiWaarde>(`${basis}kanaal`);
  const naam: Record<Soort, (r: NonNullable<KpiWaarde['uitsplitsing']>[number]) => string> = {
    zaaktype: (r) => zaaktypeNaam(r.zaaktype ?? ''),
    team: (r) => teams.data?.items.find((x) => x.id === r.team)?.naam ?? r.team ?? '',
    kanaal: (r) => t(`kanaal.${r.kanaal ?? ''}`),
  };
  const data = perZaaktype.data;
  return (
    <Sectie titel={t('kto.resultatenTitel')}>
      {data ? (
        <>
          <p className="utrecht-paragraph">
            {data.status === 'bekend' && data.waarde !== null ? t('kto.totaal', { waarde: pct(data.waarde / 100, taal), teller: data.teller ?? 0, noemer: data.noemer }) : (data.reden ?? t('kto.geenAntwoorden'))}
          </p>
          {(['zaaktype', 'team', 'kanaal'] as const).map((soort) => {
            const rijen = { zaaktype: perZaaktype, team: perTeam, kanaal: perKanaal }[soort].data?.uitsplitsing ?? [];
            return (
              rijen.length > 0 && (
                <KopTabel key={soort} bijschrift={t(`kto.resultatenBijschrift.${soort}`, { van: periode.van, tot: periode.tot })} koppen={[t(`kto.${soort}`), t('kto.antwoorden'), t('kto.tevreden'), t('kto.aandeelTevreden')]}>
                  {rijen.map((u) => (
                    <tr key={naam[soort](u)} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {naam[soort](u)}
                      </th>
                      <td className="utrecht-table__cell loket-getal">{u.noemer}</td>
                      <td className="utrecht-table__cell loket-getal">{u.teller ?? '–'}</td>
                      <td className="utrecht-table__cell loket-getal">{u.waarde === null ? '–' : pct(u.waarde / 100, taal)}</td>
                    </tr>
                  ))}
                </KopTabel>
              )
            );
          })}
        </>
      ) : (
        <Laadstatus fout={perZaaktype.fout} />
      )}
    </Sectie>
  );
}
