import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type SessieGemeente } from '../../api.ts';
import { Bevestigen } from '../../components/Bevestigen.tsx';
import { Formulier, Keuzes, Veld, Vinkje, useFormulier, type FormulierStaat } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';

interface Openingstijd {
  weekdag: number;
  van: string;
  tot: string;
}
interface Locatie {
  id: string;
  naam: string;
  adres: string;
  openingstijden: Openingstijd[];
}
interface Balie {
  id: string;
  locatieId: string;
  naam: string;
  actief: boolean;
  producten: string[];
}
interface Sluiting {
  id: string;
  balieId: string | null;
  van: string;
  tot: string;
  reden: string;
}
interface LocatieDetail extends Locatie {
  balies: Balie[];
  sluitingen: Sluiting[];
}
interface Product {
  code: string;
  naam: string;
  afspraak: boolean;
}

const DAGEN = [1, 2, 3, 4, 5, 6, 7] as const;
type Dagveld = `dag${(typeof DAGEN)[number]}`;
type LocatieWaarden = { naam: string; adres: string } & Record<Dagveld, string>;

/** The hours of one weekday as a beheerder types them: "09:00-12:00, 13:00-17:00". */
const tijdenVan = (tijden: readonly Openingstijd[], dag: number): string =>
  tijden
    .filter((t) => t.weekdag === dag)
    .map((t) => `${t.van}-${t.tot}`)
    .join(', ');

function beginWaarden(locatie?: Locatie): LocatieWaarden {
  const waarden = { naam: locatie?.naam ?? '', adres: locatie?.adres ?? '' } as LocatieWaarden;
  for (const dag of DAGEN) waarden[`dag${dag}`] = tijdenVan(locatie?.openingstijden ?? [], dag);
  return waarden;
}

/**
 * The typed hours → the API's list, and per entry the field it came from (the server's error of
 * `openingstijden.3.tot` belongs at that weekday's field). Nothing is checked here: the server does.
 */
function leesTijden(waarden: LocatieWaarden): { tijden: Openingstijd[]; velden: Dagveld[] } {
  const tijden: Openingstijd[] = [];
  const velden: Dagveld[] = [];
  for (const dag of DAGEN) {
    for (const blok of waarden[`dag${dag}`].split(',').map((b) => b.trim()).filter(Boolean)) {
      const [van = '', tot = ''] = blok.split(/\s*[-–]\s*/);
      tijden.push({ weekdag: dag, van, tot });
      velden.push(`dag${dag}`);
    }
  }
  return { tijden, velden };
}

/** Name, address and the hours per weekday: for a new location and when editing one. */
function LocatieVelden({ formulier, velden }: { formulier: FormulierStaat<LocatieWaarden>; velden: Dagveld[] }) {
  const { t } = useTaal();
  const params = formulier.fout?.problem.invalidParams ?? [];
  const foutBij = (veld: Dagveld) => params.find((p) => velden[Number(/^(?:body\.)?openingstijden\.(\d+)\./.exec(p.name)?.[1] ?? -1)] === veld)?.reason;
  return (
    <>
      <Veld label={t('veld.naam')} autoComplete="off" required {...formulier.tekst('naam')} />
      <Veld label={t('afspraakLocaties.adres')} autoComplete="off" required {...formulier.tekst('adres')} />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('afspraakLocaties.openingstijden')}</legend>
        <p className="utrecht-paragraph">{t('afspraakLocaties.openingstijdenUitleg')}</p>
        {DAGEN.map((dag) => (
          <Veld key={dag} label={t(`afspraakLocaties.dag.${dag}`)} autoComplete="off" {...formulier.tekst(`dag${dag}`)} fout={foutBij(`dag${dag}`)} />
        ))}
      </fieldset>
    </>
  );
}

/** The invalidParams of the hours → the weekday fields, for the error summary's links. */
const veldenVoorSamenvatting = (velden: Dagveld[]): Record<string, string> => ({
  naam: 'naam',
  adres: 'adres',
  ...Object.fromEntries(velden.flatMap((veld, i) => [[`openingstijden.${i}.van`, veld], [`openingstijden.${i}.tot`, veld], [`openingstijden.${i}.weekdag`, veld]])),
});

/** The gemeente's locations for appointments at the balie (ADR 0085), and a new one. */
export function AfspraakLocaties({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const apiPad = `${gemeentePad(gemeente.code)}/afspraak-locaties`;
  const { data, fout } = useLaden<{ items: Locatie[] }>(apiPad);
  const formulier = useFormulier<LocatieWaarden>(() => beginWaarden());
  const { tijden, velden } = leesTijden(formulier.waarden);
  async function maak() {
    const { data: nieuw } = await api.post<Locatie>(apiPad, { body: { naam: formulier.waarden.naam, adres: formulier.waarden.adres, openingstijden: tijden } });
    navigeer(`/${gemeente.code}/afspraak-locaties/${nieuw.id}`, { melding: t('afspraakLocaties.aangemaakt', { naam: nieuw.naam }) });
  }
  return (
    <Pagina titel={t('afspraakLocaties.titel')}>
      <p className="utrecht-paragraph">{t('afspraakLocaties.uitleg')}</p>
      {data ? (
        <Tabel
          bijschrift={t('afspraakLocaties.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('afspraakLocaties.leeg')}
          rijen={data.items}
          kolommen={[
            { kop: t('veld.naam'), render: (l) => <Link naar={`/${gemeente.code}/afspraak-locaties/${l.id}`}>{l.naam}</Link> },
            { kop: t('afspraakLocaties.adres'), render: (l) => l.adres },
            { kop: t('afspraakLocaties.openDagen'), render: (l) => DAGEN.filter((d) => l.openingstijden.some((o) => o.weekdag === d)).map((d) => t(`afspraakLocaties.dagKort.${d}`)).join(', ') || t('afspraakLocaties.nooitOpen') },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
      {heeftRecht(gemeente.rollen, 'afsprakenInrichten') && (
        <Sectie titel={t('afspraakLocaties.nieuwTitel')}>
          <Formulier formulier={formulier} onVerstuur={maak} knop={t('afspraakLocaties.aanmaken')} velden={veldenVoorSamenvatting(velden)}>
            <LocatieVelden formulier={formulier} velden={velden} />
          </Formulier>
        </Sectie>
      )}
    </Pagina>
  );
}

type BalieWaarden = { naam: string; producten: string[]; actief: boolean };

/** A desk's name, products and whether it is in service: a new desk, or editing one. */
function BalieFormulier({ apiPad, balie, producten, knop, onKlaar }: { apiPad: string; balie?: Balie; producten: Product[]; knop: string; onKlaar(balie: Balie): void }) {
  const { t } = useTaal();
  const formulier = useFormulier<BalieWaarden>({ naam: balie?.naam ?? '', producten: balie?.producten ?? [], actief: balie?.actief ?? true });
  const id = balie ? `balie-${balie.id}` : 'balie-nieuw';
  // The products the desk serves now stay choosable, also when they are no longer published.
  const opties = [...producten.map((p) => ({ waarde: p.code, label: p.naam })), ...(balie?.producten ?? []).filter((c) => !producten.some((p) => p.code === c)).map((c) => ({ waarde: c, label: c }))];
  async function bewaar() {
    const { data } = balie ? await api.put<Balie>(`${apiPad}/balies/${balie.id}`, { body: formulier.waarden }) : await api.post<Balie>(`${apiPad}/balies`, { body: formulier.waarden });
    if (!balie) {
      formulier.zet('naam', '');
      formulier.zet('producten', []);
    }
    onKlaar(data);
  }
  return (
    <Formulier formulier={formulier} onVerstuur={bewaar} knop={knop} velden={{ naam: `${id}-naam`, producten: `${id}-producten`, actief: `${id}-actief` }}>
      <Veld label={t('afspraakLocaties.balieNaam')} autoComplete="off" required {...formulier.tekst('naam')} id={`${id}-naam`} />
      <Keuzes
        id={`${id}-producten`}
        legenda={t('afspraakLocaties.producten')}
        uitleg={t('afspraakLocaties.productenUitleg')}
        opties={opties}
        gekozen={formulier.waarden.producten}
        onChange={(gekozen) => formulier.zet('producten', gekozen)}
        fout={formulier.fout?.veld('producten')}
      />
      <Vinkje id={`${id}-actief`} label={t('afspraakLocaties.actief')} checked={formulier.waarden.actief} onChange={(e) => formulier.zet('actief', e.target.checked)} fout={formulier.fout?.veld('actief')} />
    </Formulier>
  );
}

/** The form of a location's details and hours, filled from the location as loaded. */
function LocatieWijzigen({ apiPad, locatie, onOpgeslagen }: { apiPad: string; locatie: Locatie; onOpgeslagen(locatie: LocatieDetail): void }) {
  const { t } = useTaal();
  const formulier = useFormulier<LocatieWaarden>(() => beginWaarden(locatie));
  const { tijden, velden } = leesTijden(formulier.waarden);
  async function wijzig() {
    const { data } = await api.put<LocatieDetail>(apiPad, { body: { naam: formulier.waarden.naam, adres: formulier.waarden.adres, openingstijden: tijden } });
    onOpgeslagen(data);
  }
  return (
    <Formulier formulier={formulier} onVerstuur={wijzig} knop={t('opslaan')} velden={veldenVoorSamenvatting(velden)}>
      <LocatieVelden formulier={formulier} velden={velden} />
    </Formulier>
  );
}

type SluitingWaarden = { van: string; tot: string; balie: string; reden: string };

/** One location: its details and hours, its desks, and the days it or a desk is closed. */
export function AfspraakLocatie({ gemeente, id, zoek }: { gemeente: SessieGemeente; id: string; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const apiPad = `${gemeentePad(gemeente.code)}/afspraak-locaties/${id}`;
  const basis = `/${gemeente.code}/afspraak-locaties/${id}`;
  const { data, fout, zet, herlaad } = useLaden<LocatieDetail>(apiPad);
  const productenLijst = useLaden<{ items: Product[] }>(`${gemeentePad(gemeente.code)}/producten?taal=${taal}`);
  const producten = (productenLijst.data?.items ?? []).filter((p) => p.afspraak);
  const { meld, meldingVoor } = useSectieMelding();
  const beheerder = heeftRecht(gemeente.rollen, 'afsprakenInrichten');
  const sluiting = useFormulier<SluitingWaarden>({ van: '', tot: '', balie: '', reden: '' });
  if (!data) return <Laadstatus fout={fout} />;
  const bewerk = zoek.get('balie');
  const balieNaam = (balieId: string | null) => (balieId === null ? t('afspraakLocaties.heleLocatie') : (data.balies.find((b) => b.id === balieId)?.naam ?? balieId));
  const productNaam = (code: string) => producten.find((p) => p.code === code)?.naam ?? code;

  async function sluit() {
    const { van, tot, balie, reden } = sluiting.waarden;
    await api.post<Sluiting>(`${apiPad}/sluitingen`, { body: { van, tot: tot || van, reden, ...(balie ? { balie } : {}) } });
    for (const veld of ['van', 'tot', 'reden'] as const) sluiting.zet(veld, '');
    herlaad();
    meld('sluitingen', t('afspraakLocaties.gesloten', { wie: balieNaam(balie || null), van, tot: tot || van }));
  }

  return (
    <Pagina titel={data.naam} terug={{ naar: `/${gemeente.code}/afspraak-locaties`, tekst: t('afspraakLocaties.terug') }}>
      <p className="utrecht-paragraph">{data.adres}</p>
      <Sectie titel={t('afspraakLocaties.gegevensTitel')} melding={meldingVoor('gegevens')}>
        {beheerder ? (
          <LocatieWijzigen
            key={data.id}
            apiPad={apiPad}
            locatie={data}
            onOpgeslagen={(nieuw) => {
              zet({ data: nieuw, etag: undefined });
              meld('gegevens', t('afspraakLocaties.gewijzigd', { naam: nieuw.naam }));
            }}
          />
        ) : (
          <ul className="utrecht-unordered-list">
            {DAGEN.map((dag) => (
              <li key={dag} className="utrecht-unordered-list__item">
                {t(`afspraakLocaties.dag.${dag}`)}: {tijdenVan(data.openingstijden, dag) || t('afspraakLocaties.dicht')}
              </li>
            ))}
          </ul>
        )}
      </Sectie>
      <Sectie titel={t('afspraakLocaties.baliesTitel')} melding={meldingVoor('balies')}>
        <Tabel
          bijschrift={t('afspraakLocaties.baliesBijschrift', { naam: data.naam })}
          leeg={t('afspraakLocaties.geenBalies')}
          rijen={data.balies}
          kolommen={[
            { kop: t('veld.naam'), render: (b) => b.naam },
            { kop: t('afspraakLocaties.producten'), render: (b) => b.producten.map(productNaam).join(', ') || t('afspraakLocaties.geenProducten') },
            { kop: t('veld.status'), render: (b) => (b.actief ? t('afspraakLocaties.inGebruik') : t('afspraakLocaties.nietInGebruik')) },
            ...(beheerder
              ? [{ kop: t('veld.actie'), render: (b: Balie) => <Link naar={`${basis}?balie=${b.id}`} aria-label={t('afspraakLocaties.balieWijzigenVan', { naam: b.naam })}>{t('afspraakLocaties.balieWijzigen')}</Link> }]
              : []),
          ]}
        />
        {beheerder &&
          data.balies
            .filter((b) => b.id === bewerk)
            .map((b) => (
              <section key={b.id} className="loket-sectie" aria-label={t('afspraakLocaties.balieWijzigenVan', { naam: b.naam })}>
                <h3 className="utrecht-heading-3">{t('afspraakLocaties.balieWijzigenVan', { naam: b.naam })}</h3>
                <BalieFormulier
                  apiPad={apiPad}
                  balie={b}
                  producten={producten}
                  knop={t('opslaan')}
                  onKlaar={(nieuw) => {
                    herlaad();
                    navigeer(basis);
                    meld('balies', t('afspraakLocaties.balieGewijzigd', { naam: nieuw.naam }));
                  }}
                />
              </section>
            ))}
        {beheerder && (
          <>
            <h3 className="utrecht-heading-3">{t('afspraakLocaties.balieNieuwTitel')}</h3>
            <BalieFormulier
              apiPad={apiPad}
              producten={producten}
              knop={t('afspraakLocaties.balieToevoegen')}
              onKlaar={(nieuw) => {
                herlaad();
                meld('balies', t('afspraakLocaties.balieToegevoegd', { naam: nieuw.naam }));
              }}
            />
          </>
        )}
      </Sectie>
      <Sectie titel={t('afspraakLocaties.sluitingenTitel')} melding={meldingVoor('sluitingen')}>
        <p className="utrecht-paragraph">{t('afspraakLocaties.sluitingenUitleg')}</p>
        <Tabel
          bijschrift={t('afspraakLocaties.sluitingenBijschrift', { naam: data.naam })}
          leeg={t('afspraakLocaties.geenSluitingen')}
          rijen={data.sluitingen}
          kolommen={[
            { kop: t('afspraakLocaties.periode'), render: (s) => (s.van === s.tot ? s.van : `${s.van} – ${s.tot}`) },
            { kop: t('afspraakLocaties.wat'), render: (s) => balieNaam(s.balieId) },
            { kop: t('afspraakLocaties.reden'), render: (s) => s.reden },
            ...(beheerder
              ? [
                  {
                    kop: t('veld.actie'),
                    render: (s: Sluiting) => (
                      <Bevestigen
                        knop={t('afspraakLocaties.opheffen')}
                        knopLabel={t('afspraakLocaties.opheffenVan', { van: s.van })}
                        ja={t('afspraakLocaties.jaOpheffen', { van: s.van })}
                        onBevestig={async () => {
                          await api.delete(`${apiPad}/sluitingen/${s.id}`);
                          herlaad();
                          meld('sluitingen', t('afspraakLocaties.opgeheven', { van: s.van }));
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {beheerder && (
          <Formulier formulier={sluiting} onVerstuur={sluit} knop={t('afspraakLocaties.sluiten')}>
            <Veld label={t('afspraakLocaties.eersteDag')} type="date" required {...sluiting.tekst('van')} />
            <Veld label={t('afspraakLocaties.laatsteDag')} uitleg={t('afspraakLocaties.laatsteDagUitleg')} type="date" {...sluiting.tekst('tot')} />
            <Keuzelijst
              id="balie"
              label={t('afspraakLocaties.wat')}
              opties={[{ waarde: '', label: t('afspraakLocaties.heleLocatie') }, ...data.balies.map((b) => ({ waarde: b.id, label: b.naam }))]}
              {...koppel(sluiting, 'balie')}
            />
            <Veld label={t('afspraakLocaties.reden')} autoComplete="off" required {...sluiting.tekst('reden')} />
          </Formulier>
        )}
      </Sectie>
    </Pagina>
  );
}
