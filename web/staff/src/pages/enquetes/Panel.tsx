import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { margesSchema, panelStandSchema } from '../../../../../src/modules/enquetes/enquetes.schemas.ts';
import { KENMERKEN } from '../../../../../src/modules/enquetes/enquetes.schemas.ts';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type SessieGemeente } from '../../api.ts';
import { FoutSamenvatting, Knop, Veld, useVerzenden } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { getal, pct } from './EnqueteRapport.tsx';

type Marges = z.output<typeof margesSchema>;
type Marge = Marges['marges'][number];
type PanelStand = z.output<typeof panelStandSchema>;
type Kenmerk = (typeof KENMERKEN)[number];

/**
 * The inwonerspanel: how many members per characteristic beside the population (counts only, never
 * a member), and the population margins of the weighting, shown per characteristic and replaced by
 * a CSV file (`kenmerk,categorie,aandeel`) or by the form (beheerders).
 */
export function Panel({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const apiPad = gemeentePad(gemeente.code);
  const stand = useLaden<PanelStand>(`${apiPad}/inwonerspanel`);
  const marges = useLaden<Marges>(`${apiPad}/panel-marges`);
  const beheer = heeftRecht(gemeente.rollen, 'beheer');
  const { meld, meldingVoor } = useSectieMelding();
  /** Bumped when the margins were replaced: the form starts again from the saved margins. */
  const [versie, setVersie] = useState(0);

  function bijgewerkt(nieuw: Marges) {
    marges.zet({ data: nieuw, etag: undefined });
    setVersie((v) => v + 1);
    stand.herlaad();
    meld('marges', t('panel.margesBewaard', { count: nieuw.marges.length }));
  }

  return (
    <Pagina titel={t('panel.titel')}>
      <p className="utrecht-paragraph">{t('panel.uitleg')}</p>
      <Sectie titel={t('panel.samenstellingTitel')}>
        {stand.data ? (
          <>
            <p className="utrecht-paragraph">{t('panel.leden', { count: stand.data.leden, wachtend: stand.data.wachtOpBevestiging })}</p>
            {KENMERKEN.map((k) => {
              const rijen = stand.data?.perKenmerk.filter((p) => p.kenmerk === k) ?? [];
              if (rijen.length === 0) return null;
              return (
                <KopTabel key={k} bijschrift={t('panel.samenstellingBijschrift', { kenmerk: t(`panel.kenmerken.${k}`) })} koppen={[t('panel.categorie'), t('panel.aantal'), t('panel.aandeelPanel'), t('panel.aandeelBevolking'), t('panel.verschil')]}>
                  {rijen.map((p) => (
                    <tr key={p.categorie} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {p.categorie}
                      </th>
                      <td className="utrecht-table__cell loket-getal">{p.leden}</td>
                      <td className="utrecht-table__cell loket-getal">{pct(p.aandeelPanel, taal)}</td>
                      <td className="utrecht-table__cell loket-getal">{p.aandeelBevolking === null ? t('panel.geenMarge') : pct(p.aandeelBevolking, taal)}</td>
                      <td className="utrecht-table__cell loket-getal">
                        {p.aandeelBevolking === null ? '–' : `${p.aandeelPanel >= p.aandeelBevolking ? '+' : '−'}${getal(Math.abs(p.aandeelPanel - p.aandeelBevolking) * 100, taal)} ${t('panel.procentpunt')}`}
                      </td>
                    </tr>
                  ))}
                </KopTabel>
              );
            })}
          </>
        ) : (
          <Laadstatus fout={stand.fout} />
        )}
      </Sectie>
      <Sectie titel={t('panel.margesTitel')} melding={meldingVoor('marges')}>
        <p className="utrecht-paragraph">{t('panel.margesUitleg')}</p>
        {marges.data ? (
          marges.data.marges.length === 0 ? (
            <p className="utrecht-paragraph">{t('panel.geenMarges')}</p>
          ) : (
            <KopTabel bijschrift={t('panel.margesBijschrift')} koppen={[t('panel.kenmerk'), t('panel.categorie'), t('panel.aandeelBevolking')]}>
              {marges.data.marges.map((m) => (
                <tr key={`${m.kenmerk}-${m.categorie}`} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {t(`panel.kenmerken.${m.kenmerk}`)}
                  </th>
                  <td className="utrecht-table__cell">{m.categorie}</td>
                  <td className="utrecht-table__cell loket-getal">{pct(m.aandeel, taal)}</td>
                </tr>
              ))}
            </KopTabel>
          )
        ) : (
          <Laadstatus fout={marges.fout} />
        )}
      </Sectie>
      {beheer && marges.data && (
        <>
          <MargesInlezen gemeente={gemeente} onBewaard={bijgewerkt} />
          <MargesFormulier key={`${marges.ronde}-${versie}`} gemeente={gemeente} huidig={marges.data.marges} onBewaard={bijgewerkt} />
        </>
      )}
    </Pagina>
  );
}

/** A CSV file (or pasted text) `kenmerk,categorie,aandeel`; the server's errors come back per line. */
function MargesInlezen({ gemeente, onBewaard }: { gemeente: SessieGemeente; onBewaard(m: Marges): void }) {
  const { t } = useTaal();
  const [tekst, setTekst] = useState('');
  const { fout, bezig, verzend } = useVerzenden();
  async function kiesBestand(event: ChangeEvent<HTMLInputElement>) {
    const bestand = event.target.files?.[0];
    if (bestand) setTekst(await bestand.text());
  }
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const uit = await api.post<Marges>(`${gemeentePad(gemeente.code)}/panel-marges/import`, { csv: tekst });
      setTekst('');
      onBewaard(uit.data);
    });
  }
  return (
    <Sectie titel={t('panel.inlezenTitel')}>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        {fout && !fout.problem.invalidParams?.length ? <FoutSamenvatting fout={fout} /> : null}
        {fout?.problem.invalidParams?.length ? (
          <div role="alert" className="utrecht-alert utrecht-alert--error" tabIndex={-1}>
            <div className="utrecht-alert__content">
              <div className="utrecht-alert__message">
                <h3 className="utrecht-heading-3">{t('panel.regelFouten')}</h3>
                <ul className="utrecht-unordered-list" id="marges-csv-fouten">
                  {fout.problem.invalidParams.map((p) => (
                    <li key={`${p.name}-${p.code}-${p.reason}`} className="utrecht-unordered-list__item">
                      {p.name}: {p.reason}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        ) : null}
        <div className="utrecht-form-field utrecht-form-field--text">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="marges-bestand">
              {t('panel.bestand')}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input id="marges-bestand" type="file" accept=".csv,text/csv" className="utrecht-textbox utrecht-textbox--html-input" onChange={(e) => void kiesBestand(e)} />
          </div>
        </div>
        <Tekstvak id="marges-csv" label={t('panel.csv')} uitleg={t('panel.csvUitleg')} rows={8} value={tekst} onChange={(e) => setTekst(e.target.value)} aria-invalid={fout?.problem.invalidParams?.length ? true : undefined} />
        <Knop type="submit" bezig={bezig}>
          {t('panel.inlezen')}
        </Knop>
      </form>
    </Sectie>
  );
}

interface RegelVorm {
  sleutel: number;
  kenmerk: Kenmerk;
  categorie: string;
  procent: string;
}
let volgnummer = 0;

/** The margins as a form: per line a characteristic, a category and its share in percent; errors at their line. */
function MargesFormulier({ gemeente, huidig, onBewaard }: { gemeente: SessieGemeente; huidig: Marge[]; onBewaard(m: Marges): void }) {
  const { t, taal } = useTaal();
  const [regels, setRegels] = useState<RegelVorm[]>(() =>
    huidig.map((m) => ({ sleutel: ++volgnummer, kenmerk: m.kenmerk, categorie: m.categorie, procent: getal(m.aandeel * 100, taal, 4) })),
  );
  const { fout, bezig, verzend } = useVerzenden();
  const zet = (i: number, w: Partial<RegelVorm>) => setRegels((r) => r.map((x, j) => (j === i ? { ...x, ...w } : x)));
  const velden: Record<string, string> = {};
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const marges = regels.map((r) => {
        const p = Number(r.procent.trim().replace(',', '.'));
        return { kenmerk: r.kenmerk, categorie: r.categorie, aandeel: r.procent.trim() === '' || Number.isNaN(p) ? r.procent : Math.round(p * 1e4) / 1e6 };
      });
      onBewaard((await api.put<Marges>(`${gemeentePad(gemeente.code)}/panel-marges`, { body: { marges } })).data);
    });
  }
  const rijen = regels.map((r, i) => {
    const pad = `marges.${i}`;
    velden[`${pad}.kenmerk`] = `marge-${i}-kenmerk`;
    velden[`${pad}.categorie`] = `marge-${i}-categorie`;
    velden[`${pad}.aandeel`] = `marge-${i}-aandeel`;
    velden[pad] = `marge-${i}-categorie`;
    const regelFout = fout?.veldPad(pad);
    return (
      <fieldset key={r.sleutel} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('panel.regel', { nummer: i + 1 })}</legend>
        {regelFout && <p className="utrecht-form-field-error-message">{regelFout}</p>}
        <Keuzelijst
          id={`marge-${i}-kenmerk`}
          label={t('panel.kenmerk')}
          opties={KENMERKEN.map((k) => ({ waarde: k, label: t(`panel.kenmerken.${k}`) }))}
          value={r.kenmerk}
          onChange={(e) => zet(i, { kenmerk: e.target.value as Kenmerk })}
          fout={fout?.veldPad(`${pad}.kenmerk`)}
        />
        <Veld id={`marge-${i}-categorie`} label={t('panel.categorie')} value={r.categorie} onChange={(e) => zet(i, { categorie: e.target.value })} fout={fout?.veldPad(`${pad}.categorie`)} />
        <Veld id={`marge-${i}-aandeel`} label={t('panel.procent')} inputMode="decimal" value={r.procent} onChange={(e) => zet(i, { procent: e.target.value })} fout={fout?.veldPad(`${pad}.aandeel`)} />
        <Knop soort="subtle" onClick={() => setRegels((x) => x.filter((_, j) => j !== i))}>
          {t('panel.regelWeg', { nummer: i + 1 })}
        </Knop>
      </fieldset>
    );
  });
  return (
    <Sectie titel={t('panel.formulierTitel')}>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={velden} />
        {rijen}
        <div className="utrecht-button-group">
          <Knop soort="secondary-action" onClick={() => setRegels((x) => [...x, { sleutel: ++volgnummer, kenmerk: 'leeftijdsgroep', categorie: '', procent: '' }])}>
            {t('panel.regelErbij')}
          </Knop>
          <Knop type="submit" bezig={bezig}>
            {t('panel.bewaren')}
          </Knop>
        </div>
      </form>
    </Sectie>
  );
}
