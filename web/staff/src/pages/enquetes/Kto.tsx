import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ktoInstellingSchema } from '../../../../../src/modules/kto/kto.schemas.ts';
import { KTO_VORMEN, PUNTEN } from '../../../../../src/modules/kto/kto.regels.ts';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type KpiWaarde, type Pagina as ApiPagina, type SessieGemeente, type Zaaktype } from '../../api.ts';
import { FoutSamenvatting, Knop, Veld, Vinkje, useVerzenden } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { pct } from './EnqueteRapport.tsx';

type Instelling = z.output<typeof ktoInstellingSchema>;
type Vorm = (typeof KTO_VORMEN)[number];
const KTO_KPI = 'tevredenheid-na-afhandeling';
const dag = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The question after closing (KTO) per zaaktype: on/off, its form and the sample rate (beheerders),
 * and the share of satisfied answers per zaaktype over the last 90 days from the KPI register.
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
      <p className="utrecht-paragraph">
        {t('kto.keuzes')}{' '}
        {PUNTEN.map((p) => t(`kto.punten.${p}`)).join(', ')}.
      </p>
      {heeftRecht(gemeente.rollen, 'kpiLezen') && <Resultaten gemeente={gemeente} zaaktypeNaam={zaaktypeNaam} />}
      <Sectie titel={t('kto.instellingenTitel')} melding={meldingVoor('instelling')}>
        {instellingen.data && zaaktypen.data ? (
          codes.map((code) => (
            <InstellingFormulier
              key={`${code}-${instellingen.ronde}`}
              gemeente={gemeente}
              naam={zaaktypeNaam(code)}
              huidig={instellingen.data?.items.find((i) => i.zaaktype === code) ?? { zaaktype: code, actief: false, vorm: 'score-5', steekproef: 100 }}
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

function InstellingFormulier({ gemeente, naam, huidig, onBewaard }: { gemeente: SessieGemeente; naam: string; huidig: Instelling; onBewaard(i: Instelling): void }) {
  const { t } = useTaal();
  const [waarden, setWaarden] = useState({ actief: huidig.actief, vorm: huidig.vorm, steekproef: String(huidig.steekproef) });
  const { fout, bezig, verzend } = useVerzenden();
  const id = `kto-${huidig.zaaktype}`;
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const steekproef = Number(waarden.steekproef);
      const body = { actief: waarden.actief, vorm: waarden.vorm, steekproef: waarden.steekproef.trim() !== '' && Number.isInteger(steekproef) ? steekproef : waarden.steekproef };
      onBewaard((await api.put<Instelling>(`${gemeentePad(gemeente.code)}/kto-instellingen/${encodeURIComponent(huidig.zaaktype)}`, { body })).data);
    });
  }
  return (
    <form className="loket-form loket-groep" onSubmit={verstuur} noValidate aria-labelledby={`${id}-kop`}>
      <h3 id={`${id}-kop`} className="utrecht-heading-3">
        {naam}
      </h3>
      <FoutSamenvatting fout={fout} velden={{ actief: `${id}-actief`, vorm: `${id}-vorm`, steekproef: `${id}-steekproef` }} />
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
      <Knop type="submit" bezig={bezig} aria-label={t('kto.bewarenVoor', { zaaktype: naam })}>
        {t('kto.bewaren')}
      </Knop>
    </form>
  );
}

/** The KPI "tevreden na afhandeling" per zaaktype over the last 90 days (the API has no split by team or channel for it). */
function Resultaten({ gemeente, zaaktypeNaam }: { gemeente: SessieGemeente; zaaktypeNaam(code: string): string }) {
  const { t, taal } = useTaal();
  const [periode] = useState(() => ({ van: dag(new Date(Date.now() - 89 * 86_400_000)), tot: dag(new Date()) }));
  const { data, fout } = useLaden<KpiWaarde>(`${gemeentePad(gemeente.code)}/kpis/${KTO_KPI}/waarden?periodeVan=${periode.van}&periodeTot=${periode.tot}&uitsplitsing=zaaktype`);
  return (
    <Sectie titel={t('kto.resultatenTitel')}>
      {data ? (
        <>
          <p className="utrecht-paragraph">
            {data.status === 'bekend' && data.waarde !== null ? t('kto.totaal', { waarde: pct(data.waarde / 100, taal), teller: data.teller ?? 0, noemer: data.noemer }) : (data.reden ?? t('kto.geenAntwoorden'))}
          </p>
          {(data.uitsplitsing?.length ?? 0) > 0 && (
            <KopTabel bijschrift={t('kto.resultatenBijschrift', { van: periode.van, tot: periode.tot })} koppen={[t('kto.zaaktype'), t('kto.antwoorden'), t('kto.tevreden'), t('kto.aandeelTevreden')]}>
              {data.uitsplitsing?.map((u) => (
                <tr key={u.zaaktype ?? ''} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {zaaktypeNaam(u.zaaktype ?? '')}
                  </th>
                  <td className="utrecht-table__cell loket-getal">{u.noemer}</td>
                  <td className="utrecht-table__cell loket-getal">{u.teller ?? '–'}</td>
                  <td className="utrecht-table__cell loket-getal">{u.waarde === null ? '–' : pct(u.waarde / 100, taal)}</td>
                </tr>
              ))}
            </KopTabel>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Sectie>
  );
}
