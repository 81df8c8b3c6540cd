import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { enqueteSchema, Vraag } from '../../../../../src/modules/enquetes/enquetes.schemas.ts';
import { SOORTEN } from '../../../../../src/modules/enquetes/enquetes.schemas.ts';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { api, gemeentePad, type SessieGemeente } from '../../api.ts';
import { Bevestigen } from '../../components/Bevestigen.tsx';
import { FoutSamenvatting, Knop, KNOP_LINK, Veld, Vinkje, useFormulier, useVerzenden, Formulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import type { SectieProps } from '../../secties.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { EnqueteRapport } from './EnqueteRapport.tsx';

export type Enquete = z.output<typeof enqueteSchema>;
type Soort = (typeof SOORTEN)[number];

/** /enquetes, /enquetes/nieuw, /enquetes/{id}, /enquetes/{id}/bewerken, /enquetes/{id}/rapport. */
export function enquetesPagina({ gemeente, id, verder }: SectieProps): ReactNode {
  const [deel, ...rest] = verder;
  if (rest.length > 0) return null;
  if (!id) return <EnquetesLijst gemeente={gemeente} />;
  if (id === 'nieuw') return deel === undefined ? <EnqueteBewerken gemeente={gemeente} /> : null;
  if (deel === 'bewerken') return <EnqueteBewerkenLaden gemeente={gemeente} id={id} />;
  if (deel === 'rapport') return <EnqueteRapport gemeente={gemeente} id={id} />;
  return deel === undefined ? <EnqueteDetail gemeente={gemeente} id={id} /> : null;
}

const magBeheren = (gemeente: SessieGemeente) => heeftRecht(gemeente.rollen, 'enquetesBeheren');

function EnquetesLijst({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<{ items: Enquete[] }>(`${gemeentePad(gemeente.code)}/enquetes`);
  const basis = `/${gemeente.code}/enquetes`;
  return (
    <Pagina titel={t('enquetes.titel')}>
      <p className="utrecht-paragraph">{t('enquetes.uitleg')}</p>
      {magBeheren(gemeente) && (
        <p className="utrecht-paragraph">
          <Link naar={`${basis}/nieuw`} className={KNOP_LINK}>
            {t('enquetes.nieuw')}
          </Link>
        </p>
      )}
      {data ? (
        <Tabel
          bijschrift={t('enquetes.lijstBijschrift')}
          leeg={t('enquetes.leeg')}
          rijen={data.items}
          kolommen={[
            { kop: t('enquetes.titelKop'), render: (e) => <Link naar={`${basis}/${e.id}`}>{e.definitie.titel[taal]}</Link> },
            { kop: t('enquetes.status'), render: (e) => t(`enquetes.statussen.${e.status}`) },
            { kop: t('enquetes.aangemaakt'), render: (e) => tijdstip(e.aangemaaktOp, taal) },
            { kop: t('enquetes.uitgenodigd'), render: (e) => String(e.respons.uitgenodigd) },
            { kop: t('enquetes.beantwoord'), render: (e) => String(e.respons.beantwoord) },
            { kop: t('enquetes.openAntwoorden'), render: (e) => String(e.respons.open) },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

const procent = (x: number, taal: string) => new Intl.NumberFormat(taal === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(x);

function EnqueteDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/enquetes/${encodeURIComponent(id)}`;
  const { data, fout, zet, herlaad } = useLaden<Enquete>(pad);
  const basis = `/${gemeente.code}/enquetes`;
  const status = useVerzenden();
  const uitnodigen = useFormulier({ steekproef: '' });
  const { meld, meldingVoor } = useSectieMelding();
  const beheren = magBeheren(gemeente);

  async function start() {
    await status.verzend(async () => {
      zet(await api.put<Enquete>(`${pad}/status`, { body: { status: 'lopend' } }));
      meld('status', t('enquetes.gestart'));
    });
  }
  async function nodigUit() {
    const steekproef = uitnodigen.waarden.steekproef.trim();
    const { data: uit } = await api.post<{ uitgenodigd: number }>(`${pad}/uitnodigingen`, { body: steekproef ? { steekproef: Number(steekproef) } : {} });
    herlaad();
    meld('uitnodigen', t('enquetes.uitgenodigdMelding', { count: uit.uitgenodigd }));
  }

  if (!data) {
    return (
      <Pagina titel={t('enquetes.enquete')} terug={{ naar: basis, tekst: t('enquetes.terug') }}>
        <Laadstatus fout={fout} />
      </Pagina>
    );
  }
  const r = data.respons;
  const openLink = data.openLinkPad ? `${location.origin}${data.openLinkPad}` : null;
  return (
    <Pagina titel={data.definitie.titel[taal]} terug={{ naar: basis, tekst: t('enquetes.terug') }}>
      <Sectie titel={t('enquetes.statusTitel')} melding={meldingVoor('status')}>
        <FoutSamenvatting fout={status.fout} />
        <Gegevenslijst
          regels={[
            [t('enquetes.status'), t(`enquetes.statussen.${data.status}`)],
            [t('enquetes.aangemaakt'), tijdstip(data.aangemaaktOp, taal)],
            [t('enquetes.gestartOp'), data.gestartOp ? tijdstip(data.gestartOp, taal) : '–'],
            [t('enquetes.vragen'), String(data.definitie.vragen.length)],
            [t('enquetes.openLink'), openLink ? <span className="loket-breek">{openLink}</span> : t(data.openLink ? 'enquetes.openLinkNaStart' : 'nee')],
            [t('enquetes.herinnering'), t('enquetes.herinneringNa', { count: data.herinneringNaDagen })],
          ]}
        />
        {beheren && (
          <div className="utrecht-button-group">
            {data.status === 'concept' && (
              <>
                <Link naar={`${basis}/${id}/bewerken`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
                  {t('enquetes.bewerken')}
                </Link>
                <Knop bezig={status.bezig} onClick={() => void start()}>
                  {t('enquetes.starten')}
                </Knop>
              </>
            )}
            {data.status === 'lopend' && (
              <Bevestigen
                knop={t('enquetes.sluiten')}
                knopLabel={t('enquetes.sluiten')}
                ja={t('enquetes.sluitenJa')}
                onBevestig={async () => {
                  zet(await api.put<Enquete>(`${pad}/status`, { body: { status: 'gesloten' } }));
                  meld('status', t('enquetes.gesloten'));
                }}
              />
            )}
          </div>
        )}
      </Sectie>
      <Sectie titel={t('enquetes.responsTitel')} melding={meldingVoor('uitnodigen')}>
        <Gegevenslijst
          regels={[
            [t('enquetes.uitgenodigd'), String(r.uitgenodigd)],
            [t('enquetes.beantwoord'), r.uitgenodigd > 0 ? `${r.beantwoord} (${procent(r.beantwoord / r.uitgenodigd, taal)})` : String(r.beantwoord)],
            [t('enquetes.herinnerd'), String(r.herinnerd)],
            [t('enquetes.openAntwoorden'), String(r.open)],
          ]}
        />
        {beheren && data.status === 'lopend' && (
          <Formulier formulier={uitnodigen} onVerstuur={nodigUit} knop={t('enquetes.uitnodigen')}>
            <p className="utrecht-paragraph">{t('enquetes.uitnodigenUitleg')}</p>
            <Veld label={t('enquetes.steekproef')} uitleg={t('enquetes.steekproefUitleg')} inputMode="numeric" {...uitnodigen.tekst('steekproef')} />
          </Formulier>
        )}
      </Sectie>
      {data.status !== 'concept' && (
        <p className="utrecht-paragraph">
          <Link naar={`${basis}/${id}/rapport`}>{t('enquetes.naarRapport')}</Link>
        </p>
      )}
      <Sectie titel={t('enquetes.vragenTitel')}>
        <ol className="utrecht-ordered-list">
          {data.definitie.vragen.map((v) => (
            <li key={v.id} className="utrecht-ordered-list__item">
              {v.tekst[taal]} ({t(`enquetes.soorten.${v.soort}`)}
              {v.verplicht ? `, ${t('enquetes.verplicht').toLowerCase()}` : ''})
              {v.voorwaarde ? ` – ${t('enquetes.alleenAls', { vraag: v.voorwaarde.vraag, antwoorden: v.voorwaarde.antwoorden.join(', ') })}` : ''}
            </li>
          ))}
        </ol>
      </Sectie>
    </Pagina>
  );
}

function EnqueteBewerkenLaden({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const { data, fout } = useLaden<Enquete>(`${gemeentePad(gemeente.code)}/enquetes/${encodeURIComponent(id)}`);
  if (!data) {
    return (
      <Pagina titel={t('enquetes.bewerkenTitel')}>
        <Laadstatus fout={fout} />
      </Pagina>
    );
  }
  return <EnqueteBewerken gemeente={gemeente} bestaand={data} />;
}

// ---- The editor of a draft ----

interface OptieVorm {
  waarde: string;
  nl: string;
  en: string;
}
interface VraagVorm {
  sleutel: number;
  id: string;
  soort: Soort;
  nl: string;
  en: string;
  uitlegNl: string;
  uitlegEn: string;
  verplicht: boolean;
  opties: OptieVorm[];
  punten: string;
  laagNl: string;
  laagEn: string;
  hoogNl: string;
  hoogEn: string;
  voorwaardeVraag: string;
  voorwaardeAntwoorden: string;
}
interface EnqueteVorm {
  titelNl: string;
  titelEn: string;
  introNl: string;
  introEn: string;
  openLink: boolean;
  herinneringNaDagen: string;
  vragen: VraagVorm[];
}

let volgnummer = 0;
const nieuweVraag = (): VraagVorm => ({
  sleutel: ++volgnummer,
  id: '',
  soort: 'enkele-keuze',
  nl: '',
  en: '',
  uitlegNl: '',
  uitlegEn: '',
  verplicht: false,
  opties: [
    { waarde: '', nl: '', en: '' },
    { waarde: '', nl: '', en: '' },
  ],
  punten: '5',
  laagNl: '',
  laagEn: '',
  hoogNl: '',
  hoogEn: '',
  voorwaardeVraag: '',
  voorwaardeAntwoorden: '',
});

function alsVorm(e: Enquete | undefined): EnqueteVorm {
  if (!e) return { titelNl: '', titelEn: '', introNl: '', introEn: '', openLink: false, herinneringNaDagen: '7', vragen: [nieuweVraag()] };
  const d = e.definitie;
  return {
    titelNl: d.titel.nl,
    titelEn: d.titel.en,
    introNl: d.intro?.nl ?? '',
    introEn: d.intro?.en ?? '',
    openLink: e.openLink,
    herinneringNaDagen: String(e.herinneringNaDagen),
    vragen: d.vragen.map((v) => ({
      ...nieuweVraag(),
      id: v.id,
      soort: v.soort,
      nl: v.tekst.nl,
      en: v.tekst.en,
      uitlegNl: v.uitleg?.nl ?? '',
      uitlegEn: v.uitleg?.en ?? '',
      verplicht: v.verplicht,
      opties: v.opties?.map((o) => ({ waarde: o.waarde, nl: o.tekst.nl, en: o.tekst.en })) ?? nieuweVraag().opties,
      punten: String(v.schaal?.punten ?? 5),
      laagNl: v.schaal?.laag.nl ?? '',
      laagEn: v.schaal?.laag.en ?? '',
      hoogNl: v.schaal?.hoog.nl ?? '',
      hoogEn: v.schaal?.hoog.en ?? '',
      voorwaardeVraag: v.voorwaarde?.vraag ?? '',
      voorwaardeAntwoorden: v.voorwaarde?.antwoorden.join(', ') ?? '',
    })),
  };
}

/** The form as the API's EnqueteInvoer (the server checks everything and names each field). */
function alsInvoer(v: EnqueteVorm) {
  const intro = v.introNl.trim() || v.introEn.trim() ? { intro: { nl: v.introNl, en: v.introEn } } : {};
  const dagen = Number(v.herinneringNaDagen);
  return {
    definitie: {
      titel: { nl: v.titelNl, en: v.titelEn },
      ...intro,
      vragen: v.vragen.map((q): Vraag => {
        const keuze = q.soort === 'enkele-keuze' || q.soort === 'meerkeuze';
        const antwoorden = q.voorwaardeAntwoorden
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean);
        return {
          id: q.id.trim(),
          soort: q.soort,
          tekst: { nl: q.nl, en: q.en },
          ...(q.uitlegNl.trim() || q.uitlegEn.trim() ? { uitleg: { nl: q.uitlegNl, en: q.uitlegEn } } : {}),
          verplicht: q.verplicht,
          ...(keuze ? { opties: q.opties.map((o) => ({ waarde: o.waarde.trim(), tekst: { nl: o.nl, en: o.en } })) } : {}),
          ...(q.soort === 'schaal' ? { schaal: { punten: Number(q.punten), laag: { nl: q.laagNl, en: q.laagEn }, hoog: { nl: q.hoogNl, en: q.hoogEn } } } : {}),
          ...(q.voorwaardeVraag ? { voorwaarde: { vraag: q.voorwaardeVraag, antwoorden } } : {}),
        };
      }),
    },
    openLink: v.openLink,
    herinneringNaDagen: Number.isInteger(dagen) && v.herinneringNaDagen.trim() !== '' ? dagen : v.herinneringNaDagen,
  };
}

function EnqueteBewerken({ gemeente, bestaand }: { gemeente: SessieGemeente; bestaand?: Enquete }) {
  const { t } = useTaal();
  const [vorm, setVorm] = useState<EnqueteVorm>(() => alsVorm(bestaand));
  const { fout, bezig, verzend } = useVerzenden();
  const basis = `/${gemeente.code}/enquetes`;
  const apiPad = `${gemeentePad(gemeente.code)}/enquetes`;
  const velden: Record<string, string> = {};
  /** The props of a text field at a path of the EnqueteInvoer, with its error. */
  const veld = (pad: string, id: string) => {
    velden[pad] = id;
    return { id, fout: fout?.veldPad(pad) };
  };
  const zet = (wijzig: Partial<EnqueteVorm>) => setVorm((v) => ({ ...v, ...wijzig }));
  const zetVraag = (i: number, wijzig: Partial<VraagVorm>) => setVorm((v) => ({ ...v, vragen: v.vragen.map((q, j) => (j === i ? { ...q, ...wijzig } : q)) }));
  const verplaats = (i: number, naar: number) =>
    setVorm((v) => {
      const vragen = [...v.vragen];
      const [q] = vragen.splice(i, 1);
      if (q) vragen.splice(naar, 0, q);
      return { ...v, vragen };
    });

  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const invoer = alsInvoer(vorm);
      const { data } = bestaand ? await api.put<Enquete>(`${apiPad}/${bestaand.id}`, { body: invoer }) : await api.post<Enquete>(apiPad, { body: invoer });
      navigeer(`${basis}/${data.id}`, { melding: t('enquetes.bewaard') });
    });
  }

  const tweetalig = (label: string, pad: string, id: string, nl: string, en: string, zetNl: (w: string) => void, zetEn: (w: string) => void) => (
    <>
      <Veld label={`${label} (${t('taal.nl')})`} value={nl} onChange={(e) => zetNl(e.target.value)} {...veld(`${pad}.nl`, `${id}-nl`)} />
      <Veld label={`${label} (${t('taal.en')})`} value={en} onChange={(e) => zetEn(e.target.value)} {...veld(`${pad}.en`, `${id}-en`)} />
    </>
  );

  const inhoud = (
    <>
      {tweetalig(
        t('enquetes.titelVeld'),
        'definitie.titel',
        'titel',
        vorm.titelNl,
        vorm.titelEn,
        (w) => zet({ titelNl: w }),
        (w) => zet({ titelEn: w }),
      )}
      {tweetalig(
        t('enquetes.intro'),
        'definitie.intro',
        'intro',
        vorm.introNl,
        vorm.introEn,
        (w) => zet({ introNl: w }),
        (w) => zet({ introEn: w }),
      )}
      <Vinkje label={t('enquetes.openLinkVeld')} uitleg={t('enquetes.openLinkUitleg')} checked={vorm.openLink} onChange={(e) => zet({ openLink: e.target.checked })} {...veld('openLink', 'openLink')} />
      <Veld label={t('enquetes.herinneringVeld')} inputMode="numeric" value={vorm.herinneringNaDagen} onChange={(e) => zet({ herinneringNaDagen: e.target.value })} {...veld('herinneringNaDagen', 'herinneringNaDagen')} />
      {fout?.veldPad('definitie.vragen') && <p className="utrecht-form-field-error-message">{fout.veldPad('definitie.vragen')}</p>}
      {vorm.vragen.map((q, i) => {
        const p = `definitie.vragen.${i}`;
        const id = `vraag-${i}`;
        const keuze = q.soort === 'enkele-keuze' || q.soort === 'meerkeuze';
        const eerder = vorm.vragen.slice(0, i).filter((e) => e.soort !== 'open' && e.id.trim());
        return (
          <fieldset key={q.sleutel} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-groep">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('enquetes.vraagNummer', { nummer: i + 1 })}</legend>
            <Keuzelijst
              label={t('enquetes.soort')}
              opties={SOORTEN.map((s) => ({ waarde: s, label: t(`enquetes.soorten.${s}`) }))}
              value={q.soort}
              onChange={(e) => zetVraag(i, { soort: e.target.value as Soort })}
              {...veld(`${p}.soort`, `${id}-soort`)}
            />
            <Veld label={t('enquetes.vraagId')} uitleg={t('enquetes.vraagIdUitleg')} value={q.id} onChange={(e) => zetVraag(i, { id: e.target.value })} {...veld(`${p}.id`, `${id}-id`)} />
            {tweetalig(
              t('enquetes.vraagtekst'),
              `${p}.tekst`,
              `${id}-tekst`,
              q.nl,
              q.en,
              (w) => zetVraag(i, { nl: w }),
              (w) => zetVraag(i, { en: w }),
            )}
            {tweetalig(
              t('enquetes.vraagUitleg'),
              `${p}.uitleg`,
              `${id}-uitleg`,
              q.uitlegNl,
              q.uitlegEn,
              (w) => zetVraag(i, { uitlegNl: w }),
              (w) => zetVraag(i, { uitlegEn: w }),
            )}
            <Vinkje label={t('enquetes.verplicht')} checked={q.verplicht} onChange={(e) => zetVraag(i, { verplicht: e.target.checked })} {...veld(`${p}.verplicht`, `${id}-verplicht`)} />
            {keuze && (
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={fout?.veldPad(`${p}.opties`) ? `${id}-opties-fout` : undefined}>
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('enquetes.opties')}</legend>
                {fout?.veldPad(`${p}.opties`) && (
                  <p id={`${id}-opties-fout`} className="utrecht-form-field-error-message">
                    {fout.veldPad(`${p}.opties`)}
                  </p>
                )}
                {q.opties.map((o, j) => {
                  const op = `${p}.opties.${j}`;
                  const oid = `${id}-optie-${j}`;
                  const zetOptie = (w: Partial<OptieVorm>) => zetVraag(i, { opties: q.opties.map((x, k) => (k === j ? { ...x, ...w } : x)) });
                  return (
                    <div key={oid} className="loket-rij">
                      <Veld label={t('enquetes.optieWaarde', { nummer: j + 1 })} value={o.waarde} onChange={(e) => zetOptie({ waarde: e.target.value })} {...veld(`${op}.waarde`, `${oid}-waarde`)} />
                      <Veld label={t('enquetes.optieTekst', { nummer: j + 1, taal: t('taal.nl') })} value={o.nl} onChange={(e) => zetOptie({ nl: e.target.value })} {...veld(`${op}.tekst.nl`, `${oid}-nl`)} />
                      <Veld label={t('enquetes.optieTekst', { nummer: j + 1, taal: t('taal.en') })} value={o.en} onChange={(e) => zetOptie({ en: e.target.value })} {...veld(`${op}.tekst.en`, `${oid}-en`)} />
                      {q.opties.length > 2 && (
                        <Knop soort="subtle" onClick={() => zetVraag(i, { opties: q.opties.filter((_, k) => k !== j) })}>
                          {t('enquetes.optieWeg', { nummer: j + 1 })}
                        </Knop>
                      )}
                    </div>
                  );
                })}
                <Knop soort="secondary-action" onClick={() => zetVraag(i, { opties: [...q.opties, { waarde: '', nl: '', en: '' }] })}>
                  {t('enquetes.optieErbij')}
                </Knop>
              </fieldset>
            )}
            {q.soort === 'schaal' && (
              <>
                <Veld label={t('enquetes.punten')} inputMode="numeric" value={q.punten} onChange={(e) => zetVraag(i, { punten: e.target.value })} {...veld(`${p}.schaal.punten`, `${id}-punten`)} />
                {tweetalig(
                  t('enquetes.laag'),
                  `${p}.schaal.laag`,
                  `${id}-laag`,
                  q.laagNl,
                  q.laagEn,
                  (w) => zetVraag(i, { laagNl: w }),
                  (w) => zetVraag(i, { laagEn: w }),
                )}
                {tweetalig(
                  t('enquetes.hoog'),
                  `${p}.schaal.hoog`,
                  `${id}-hoog`,
                  q.hoogNl,
                  q.hoogEn,
                  (w) => zetVraag(i, { hoogNl: w }),
                  (w) => zetVraag(i, { hoogEn: w }),
                )}
              </>
            )}
            {fout?.veldPad(`${p}.schaal`) && <p className="utrecht-form-field-error-message">{fout.veldPad(`${p}.schaal`)}</p>}
            {i > 0 && (
              <>
                <Keuzelijst
                  label={t('enquetes.voorwaardeVraag')}
                  uitleg={t('enquetes.voorwaardeUitleg')}
                  opties={[{ waarde: '', label: t('enquetes.altijd') }, ...eerder.map((e) => ({ waarde: e.id.trim(), label: `${e.id.trim()}: ${e.nl}` }))]}
                  value={q.voorwaardeVraag}
                  onChange={(e) => zetVraag(i, { voorwaardeVraag: e.target.value })}
                  {...veld(`${p}.voorwaarde.vraag`, `${id}-voorwaarde`)}
                />
                {q.voorwaardeVraag && (
                  <Veld
                    label={t('enquetes.voorwaardeAntwoorden')}
                    uitleg={t('enquetes.voorwaardeAntwoordenUitleg')}
                    value={q.voorwaardeAntwoorden}
                    onChange={(e) => zetVraag(i, { voorwaardeAntwoorden: e.target.value })}
                    {...veld(`${p}.voorwaarde.antwoorden`, `${id}-antwoorden`)}
                  />
                )}
              </>
            )}
            <div className="utrecht-button-group">
              {i > 0 && (
                <Knop soort="subtle" onClick={() => verplaats(i, i - 1)}>
                  {t('enquetes.omhoog', { nummer: i + 1 })}
                </Knop>
              )}
              {i < vorm.vragen.length - 1 && (
                <Knop soort="subtle" onClick={() => verplaats(i, i + 1)}>
                  {t('enquetes.omlaag', { nummer: i + 1 })}
                </Knop>
              )}
              {vorm.vragen.length > 1 && (
                <Knop soort="subtle" onClick={() => setVorm((v) => ({ ...v, vragen: v.vragen.filter((_, j) => j !== i) }))}>
                  {t('enquetes.vraagWeg', { nummer: i + 1 })}
                </Knop>
              )}
            </div>
          </fieldset>
        );
      })}
      <p className="utrecht-paragraph">
        <Knop soort="secondary-action" onClick={() => setVorm((v) => ({ ...v, vragen: [...v.vragen, nieuweVraag()] }))}>
          {t('enquetes.vraagErbij')}
        </Knop>
      </p>
    </>
  );

  return (
    <Pagina titel={bestaand ? t('enquetes.bewerkenTitel') : t('enquetes.nieuwTitel')} terug={{ naar: bestaand ? `${basis}/${bestaand.id}` : basis, tekst: t('enquetes.terug') }}>
      <p className="utrecht-paragraph">{t('enquetes.bewerkenUitleg')}</p>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={velden} />
        {inhoud}
        <Knop type="submit" bezig={bezig}>
          {t('enquetes.bewaren')}
        </Knop>
      </form>
    </Pagina>
  );
}
