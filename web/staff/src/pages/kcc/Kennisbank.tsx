import { useEffect, useState, type ReactNode } from 'react';
import { heeftRecht } from '../../../../../src/http/rechten.ts';
import { KENNISARTIKEL_SOORTEN, api, gemeentePad, type KennisartikelSoort, type Kennisartikel, type KennisartikelSamenvatting, type KennisMelding, type Pagina as PaginaVan, type SessieGemeente } from '../../api.ts';
import { Formulier, KNOP_LINK, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak, koppel } from '../../components/Velden.tsx';
import type { SectieProps } from '../../secties.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { dagInNederland } from '../../tijd.ts';
import { datum, useTeams } from '../zaken/teksten.tsx';
import { Artikeltekst, useKennisZoeken } from './KennisPaneel.tsx';

const mag = (gemeente: SessieGemeente) => heeftRecht(gemeente.rollen, 'kennisbankBewerken');

/** The knowledge base's pages below /{code}/kennisbank. */
export function kennisbankPagina({ gemeente, id, zoek, verder }: SectieProps): ReactNode {
  const [a, ...rest] = verder;
  if (rest.length > 0) return null;
  if (!id) return <KennisbankZoeken gemeente={gemeente} zoek={zoek} />;
  if (id === 'meldingen') return a === undefined ? <KennisMeldingen gemeente={gemeente} /> : <KennisMeldingDetail gemeente={gemeente} id={a} />;
  if (a !== undefined) return a === 'bewerken' ? <ArtikelBewerken gemeente={gemeente} id={id} melding={zoek.get('melding') ?? undefined} /> : null;
  if (id === 'nieuw') return <ArtikelFormulier gemeente={gemeente} />;
  if (id === 'melden') return <FoutMelden gemeente={gemeente} artikel={zoek.get('artikel') ?? undefined} />;
  if (id === 'te-herzien') return <TeHerzien gemeente={gemeente} />;
  return <ArtikelPagina gemeente={gemeente} id={id} />;
}

function Links({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const basis = `/${gemeente.code}/kennisbank`;
  return (
    <ul className="utrecht-link-list utrecht-link-list--html-ul">
      <li className="utrecht-link-list__item">
        <Link naar={`${basis}/melden`}>{t('kennisbank.melden')}</Link>
      </li>
      <li className="utrecht-link-list__item">
        <Link naar={`${basis}/meldingen`}>{t('kennisbank.meldingen')}</Link>
      </li>
      {mag(gemeente) && (
        <>
          <li className="utrecht-link-list__item">
            <Link naar={`${basis}/te-herzien`}>{t('kennisbank.teHerzien')}</Link>
          </li>
          <li className="utrecht-link-list__item">
            <Link naar={`${basis}/nieuw`}>{t('kennisbank.nieuw')}</Link>
          </li>
        </>
      )}
    </ul>
  );
}

/** Search as you type; the words are kept in the URL (?q=) so the back button returns to them. */
function KennisbankZoeken({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  const [term, setTerm] = useState(zoek.get('q') ?? '');
  const { resultaten, fout } = useKennisZoeken(gemeente, term, 20);
  // The words in the address, so that the back button returns to the same results.
  useEffect(() => {
    const q = term.trim();
    history.replaceState(history.state, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
  }, [term]);
  return (
    <Pagina titel={t('kennisbank.titel')}>
      <p className="utrecht-paragraph">{t('kennisbank.uitleg')}</p>
      <Links gemeente={gemeente} />
      <Veld id="q" type="search" label={t('kennisbank.zoek')} uitleg={t('kennisbank.zoekUitleg')} autoComplete="off" value={term} onChange={(e) => setTerm(e.target.value)} fout={fout} />
      <p className="utrecht-paragraph" aria-live="polite">
        {resultaten ? t('kennisbank.gevonden', { count: resultaten.length }) : ''}
      </p>
      {resultaten && resultaten.length > 0 && (
        <ul className="loket-kennis-lijst">
          {resultaten.map((r) => (
            <li key={r.id}>
              <Link naar={`/${gemeente.code}/kennisbank/${r.id}`}>{r.titel}</Link>
              <p className="utrecht-paragraph loket-kennis-resultaat__meta">
                {t(`kennisbank.soorten.${r.soort}`)} · {r.onderwerp} · {r.team.naam}
              </p>
              <p className="utrecht-paragraph">{r.fragment}</p>
            </li>
          ))}
        </ul>
      )}
    </Pagina>
  );
}

/** An article to read, with "klopt niet / onvolledig / onduidelijk" for every staff member. */
function ArtikelPagina({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/kennisartikelen/${encodeURIComponent(id)}`;
  const { data: a, fout } = useLaden<Kennisartikel>(pad);
  const [gemeld, setGemeld] = useState<string>();
  const formulier = useFormulier({ soort: '', toelichting: '' });
  async function meld() {
    const { soort, toelichting } = formulier.waarden;
    await api.post<KennisMelding>(`${pad}/meldingen`, { body: { ...(soort ? { soort } : {}), toelichting } });
    formulier.zet('soort', '');
    formulier.zet('toelichting', '');
    setGemeld(t('kennisbank.gemeld', { team: a?.team.naam ?? '' }));
  }
  return (
    <Pagina titel={a?.titel ?? t('kennisbank.artikel')} terug={{ naar: `/${gemeente.code}/kennisbank`, tekst: t('kennisbank.terug') }}>
      {a ? (
        <>
          {a.teHerzien && (
            <Melding soort="warning" rol="none">
              <p className="utrecht-paragraph">{t('kennisbank.verlopen', { datum: datum(a.herzienOp, taal) })}</p>
            </Melding>
          )}
          <Gegevenslijst
            regels={[
              [t('kennisbank.soort'), t(`kennisbank.soorten.${a.soort}`)],
              [t('kennisbank.onderwerp'), a.onderwerp],
              [t('kennisbank.team'), a.team.naam],
              [t('kennisbank.herzienOp'), datum(a.herzienOp, taal)],
              [t('kennisbank.versie'), `${a.versie} (${tijdstip(a.gewijzigdOp, taal)})`],
            ]}
          />
          <Artikeltekst tekst={a.inhoud} />
          {a.url && (
            <p className="utrecht-paragraph">
              <a className="utrecht-link utrecht-link--html-a loket-breek" href={a.url}>
                {a.url}
              </a>
            </p>
          )}
          {mag(gemeente) && (
            <p className="utrecht-paragraph">
              <Link naar={`/${gemeente.code}/kennisbank/${a.id}/bewerken`} className={KNOP_LINK}>
                {t('kennisbank.bewerken')}
              </Link>
            </p>
          )}
          <Sectie titel={t('kennisbank.kloptNietTitel')} melding={gemeld}>
            <Formulier formulier={formulier} onVerstuur={meld} knop={t('kennisbank.versturen')}>
              <Keuzelijst
                id="soort"
                label={t('kennisbank.watIsEr')}
                required
                {...koppel(formulier, 'soort')}
                opties={[
                  { waarde: '', label: t('kennisbank.kies') },
                  ...(['klopt-niet', 'onvolledig', 'onduidelijk'] as const).map((s) => ({ waarde: s, label: t(`kennisbank.meldingSoorten.${s}`) })),
                ]}
              />
              <Tekstvak id="toelichting" label={t('kennisbank.toelichting')} uitleg={t('kennisbank.toelichtingUitleg')} required rows={4} {...koppel(formulier, 'toelichting')} />
            </Formulier>
          </Sectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

type ArtikelWaarden = {
  soort: KennisartikelSoort;
  onderwerp: string;
  titel: string;
  inhoud: string;
  trefwoorden: string;
  url: string;
  team: string;
  herzienOp: string;
  toelichting: string;
};

const overEenJaar = () => `${Number(dagInNederland().slice(0, 4)) + 1}${dagInNederland().slice(4)}`;

/** Write a new article, or a new version of one (If-Match). From a report: back to it with the new version. */
function ArtikelFormulier({ gemeente, huidig, etag, melding }: { gemeente: SessieGemeente; huidig?: Kennisartikel; etag?: string | undefined; melding?: string | undefined }) {
  const { t } = useTaal();
  const { teams, mijnTeams } = useTeams(gemeente);
  const formulier = useFormulier<ArtikelWaarden>(() => ({
    soort: huidig?.soort ?? 'vraag-antwoord',
    onderwerp: huidig?.onderwerp ?? '',
    titel: huidig?.titel ?? '',
    inhoud: huidig?.inhoud ?? '',
    trefwoorden: huidig?.trefwoorden ?? '',
    url: huidig?.url ?? '',
    team: huidig?.team.id ?? '',
    herzienOp: huidig?.herzienOp ?? overEenJaar(),
    toelichting: '',
  }));
  const keuzeTeams = huidig ? teams : mijnTeams;
  async function bewaar() {
    const w = formulier.waarden;
    const body = { ...w, url: w.url.trim() || null };
    const { data } = huidig
      ? await api.put<Kennisartikel>(`${gemeentePad(gemeente.code)}/kennisartikelen/${huidig.id}`, { body, ifMatch: etag })
      : await api.post<Kennisartikel>(`${gemeentePad(gemeente.code)}/kennisartikelen`, { body });
    if (melding) navigeer(`/${gemeente.code}/kennisbank/meldingen/${melding}?versie=${data.versie}`, { melding: t('kennisbank.opgeslagenNuAntwoorden', { versie: data.versie }) });
    else navigeer(`/${gemeente.code}/kennisbank/${data.id}`, { melding: t('kennisbank.opgeslagen', { versie: data.versie }) });
  }
  return (
    <Pagina
      titel={huidig ? t('kennisbank.bewerkenTitel', { titel: huidig.titel }) : t('kennisbank.nieuw')}
      terug={{ naar: `/${gemeente.code}/kennisbank${huidig ? `/${huidig.id}` : ''}`, tekst: huidig ? t('kennisbank.terugNaarArtikel') : t('kennisbank.terug') }}
    >
      {/* "inhoud" is the id of the main landmark: the text field has another. */}
      <Formulier formulier={formulier} onVerstuur={bewaar} knop={t('opslaan')} velden={{ ...Object.fromEntries(Object.keys(formulier.waarden).map((n) => [n, n])), inhoud: 'artikel-inhoud' }}>
        <Keuzelijst id="soort" label={t('kennisbank.soort')} required {...koppel(formulier, 'soort')} opties={KENNISARTIKEL_SOORTEN.map((s) => ({ waarde: s, label: t(`kennisbank.soorten.${s}`) }))} />
        <Veld label={t('kennisbank.onderwerp')} required autoComplete="off" {...formulier.tekst('onderwerp')} />
        <Veld label={t('kennisbank.titelVeld')} uitleg={t('kennisbank.titelUitleg')} required autoComplete="off" {...formulier.tekst('titel')} />
        <Tekstvak id="artikel-inhoud" label={t('kennisbank.inhoud')} uitleg={t('kennisbank.inhoudUitleg')} rows={8} {...koppel(formulier, 'inhoud')} />
        <Veld label={t('kennisbank.trefwoorden')} uitleg={t('kennisbank.trefwoordenUitleg')} autoComplete="off" {...formulier.tekst('trefwoorden')} />
        <Veld label={t('kennisbank.url')} type="url" autoComplete="off" {...formulier.tekst('url')} />
        <Keuzelijst
          id="team"
          label={t('kennisbank.team')}
          uitleg={t('kennisbank.teamUitleg')}
          required
          {...koppel(formulier, 'team')}
          opties={[{ waarde: '', label: t('kennisbank.kiesTeam') }, ...(keuzeTeams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
        />
        <Veld label={t('kennisbank.herzienOp')} uitleg={t('kennisbank.herzienOpUitleg')} type="date" required {...formulier.tekst('herzienOp')} />
        <Veld label={t('kennisbank.waarom')} autoComplete="off" {...formulier.tekst('toelichting')} />
      </Formulier>
    </Pagina>
  );
}

function ArtikelBewerken({ gemeente, id, melding }: { gemeente: SessieGemeente; id: string; melding: string | undefined }) {
  const { t } = useTaal();
  const { data, etag, fout, ronde } = useLaden<Kennisartikel>(`${gemeentePad(gemeente.code)}/kennisartikelen/${encodeURIComponent(id)}`);
  if (!data) {
    return (
      <Pagina titel={t('kennisbank.artikel')}>
        <Laadstatus fout={fout} />
      </Pagina>
    );
  }
  return <ArtikelFormulier key={ronde} gemeente={gemeente} huidig={data} etag={etag} melding={melding} />;
}

/** Any staff member reports an error in information or in a process to the team it concerns. */
function FoutMelden({ gemeente, artikel }: { gemeente: SessieGemeente; artikel: string | undefined }) {
  const { t } = useTaal();
  const { teams } = useTeams(gemeente);
  const formulier = useFormulier({ soort: 'fout-in-informatie', team: '', toelichting: '' });
  async function meld() {
    const { soort, team, toelichting } = formulier.waarden;
    await api.post<KennisMelding>(`${gemeentePad(gemeente.code)}/kennis-meldingen`, { body: { soort, ...(team ? { team } : {}), ...(artikel ? { artikel } : {}), toelichting } });
    navigeer(`/${gemeente.code}/kennisbank/meldingen`, { melding: t('kennisbank.gemeld', { team: teams?.find((x) => x.id === team)?.naam ?? '' }) });
  }
  return (
    <Pagina titel={t('kennisbank.melden')} terug={{ naar: `/${gemeente.code}/kennisbank`, tekst: t('kennisbank.terug') }}>
      <p className="utrecht-paragraph">{t('kennisbank.meldenUitleg')}</p>
      <Formulier formulier={formulier} onVerstuur={meld} knop={t('kennisbank.versturen')}>
        <Keuzelijst
          id="soort"
          label={t('kennisbank.watIsEr')}
          required
          {...koppel(formulier, 'soort')}
          opties={(['fout-in-informatie', 'fout-in-proces'] as const).map((s) => ({ waarde: s, label: t(`kennisbank.meldingSoorten.${s}`) }))}
        />
        <Keuzelijst
          id="team"
          label={t('kennisbank.welkTeam')}
          required
          {...koppel(formulier, 'team')}
          opties={[{ waarde: '', label: t('kennisbank.kiesTeam') }, ...(teams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
        />
        <Tekstvak id="toelichting" label={t('kennisbank.toelichting')} uitleg={t('kennisbank.toelichtingUitleg')} required rows={5} {...koppel(formulier, 'toelichting')} />
      </Formulier>
    </Pagina>
  );
}

const status = (m: KennisMelding, t: (k: string) => string) => (m.status === 'open' ? t('kennisbank.statusOpen') : t('kennisbank.statusAfgehandeld'));

/** The owning teams' open tasks, and what I reported with the answer (the page the answer mail links to). */
function KennisMeldingen({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const basis = `${gemeentePad(gemeente.code)}/kennis-meldingen`;
  const team = useLaden<PaginaVan<KennisMelding>>(`${basis}?voor=team&pageSize=50`);
  const mij = useLaden<PaginaVan<KennisMelding>>(`${basis}?voor=mij&pageSize=50`);
  const naar = (m: KennisMelding) => <Link naar={`/${gemeente.code}/kennisbank/meldingen/${m.id}`}>{m.artikel?.titel ?? t(`kennisbank.meldingSoorten.${m.soort}`)}</Link>;
  return (
    <Pagina titel={t('kennisbank.meldingen')} terug={{ naar: `/${gemeente.code}/kennisbank`, tekst: t('kennisbank.terug') }}>
      {mag(gemeente) && (
        <Sectie titel={t('kennisbank.takenTitel')}>
          {team.data ? (
            <Tabel
              bijschrift={t('kennisbank.takenBijschrift')}
              leeg={t('kennisbank.takenLeeg')}
              rijen={team.data.items}
              kolommen={[
                { kop: t('kennisbank.waarover'), render: naar },
                { kop: t('kennisbank.watIsEr'), render: (m) => t(`kennisbank.meldingSoorten.${m.soort}`) },
                { kop: t('kennisbank.team'), render: (m) => m.team.naam },
                { kop: t('kennisbank.gemeldOp'), render: (m) => `${tijdstip(m.gemeldOp, taal)}, ${m.gemeldDoor}` },
              ]}
            />
          ) : (
            <Laadstatus fout={team.fout} />
          )}
        </Sectie>
      )}
      <Sectie titel={t('kennisbank.mijnTitel')}>
        {mij.data ? (
          <Tabel
            bijschrift={t('kennisbank.mijnBijschrift')}
            leeg={t('kennisbank.mijnLeeg')}
            rijen={mij.data.items}
            kolommen={[
              { kop: t('kennisbank.waarover'), render: naar },
              { kop: t('kennisbank.status'), render: (m) => status(m, t) },
              { kop: t('kennisbank.antwoord'), render: (m) => m.antwoord ?? '–' },
              { kop: t('kennisbank.gemeldOp'), render: (m) => tijdstip(m.gemeldOp, taal) },
            ]}
          />
        ) : (
          <Laadstatus fout={mij.fout} />
        )}
      </Sectie>
    </Pagina>
  );
}

/** One report: for its reporter the answer; for the owning team the form to answer (and the version that corrects it). */
function KennisMeldingDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/kennis-meldingen/${encodeURIComponent(id)}`;
  const { data: m, fout, zet } = useLaden<KennisMelding>(pad);
  const versie = new URLSearchParams(location.search).get('versie') ?? '';
  const formulier = useFormulier({ antwoord: '', gecorrigeerdInVersie: versie });
  async function antwoord() {
    const { antwoord, gecorrigeerdInVersie } = formulier.waarden;
    zet(await api.post<KennisMelding>(`${pad}/afhandelen`, { body: { antwoord, ...(gecorrigeerdInVersie ? { gecorrigeerdInVersie: Number(gecorrigeerdInVersie) } : {}) } }));
  }
  return (
    <Pagina titel={t('kennisbank.melding')} terug={{ naar: `/${gemeente.code}/kennisbank/meldingen`, tekst: t('kennisbank.terugNaarMeldingen') }}>
      {m ? (
        <>
          <Gegevenslijst
            regels={[
              [t('kennisbank.watIsEr'), t(`kennisbank.meldingSoorten.${m.soort}`)],
              [t('kennisbank.artikel'), m.artikel ? <Link key="a" naar={`/${gemeente.code}/kennisbank/${m.artikel.id}`}>{m.artikel.titel}</Link> : '–'],
              [t('kennisbank.team'), m.team.naam],
              [t('kennisbank.gemeldOp'), `${tijdstip(m.gemeldOp, taal)}, ${m.gemeldDoor}`],
              [t('kennisbank.toelichting'), m.toelichting],
              [t('kennisbank.status'), status(m, t)],
              ...(m.antwoord
                ? ([
                    [t('kennisbank.antwoord'), m.antwoord],
                    [t('kennisbank.afgehandeldDoor'), `${m.afgehandeldDoor ?? ''}, ${tijdstip(m.afgehandeldOp, taal)}`],
                    [t('kennisbank.gecorrigeerd'), m.gecorrigeerdInVersie ? t('kennisbank.inVersie', { versie: m.gecorrigeerdInVersie }) : t('nee')],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
          {m.status === 'open' && mag(gemeente) && (
            <Sectie titel={t('kennisbank.antwoordenTitel')}>
              {m.artikel && (
                <p className="utrecht-paragraph">
                  <Link naar={`/${gemeente.code}/kennisbank/${m.artikel.id}/bewerken?melding=${m.id}`}>{t('kennisbank.corrigeren')}</Link>
                </p>
              )}
              <Formulier formulier={formulier} onVerstuur={antwoord} knop={t('kennisbank.afhandelen')} meldingen={{ 403: t('kennisbank.geenEigenaar') }}>
                <Tekstvak id="antwoord" label={t('kennisbank.antwoord')} uitleg={t('kennisbank.antwoordUitleg')} required rows={4} {...koppel(formulier, 'antwoord')} />
                {m.artikel && <Veld label={t('kennisbank.gecorrigeerdInVersie')} uitleg={t('kennisbank.gecorrigeerdInVersieUitleg')} inputMode="numeric" autoComplete="off" {...formulier.tekst('gecorrigeerdInVersie')} />}
              </Formulier>
            </Sectie>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** The articles of my teams past their review date, the oldest date first. */
function TeHerzien({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<PaginaVan<KennisartikelSamenvatting>>(`${gemeentePad(gemeente.code)}/kennisartikelen?teHerzien=true&pageSize=100`);
  return (
    <Pagina titel={t('kennisbank.teHerzien')} terug={{ naar: `/${gemeente.code}/kennisbank`, tekst: t('kennisbank.terug') }}>
      <p className="utrecht-paragraph">{t('kennisbank.teHerzienUitleg')}</p>
      {data ? (
        <Tabel
          bijschrift={t('kennisbank.teHerzienBijschrift')}
          leeg={t('kennisbank.teHerzienLeeg')}
          rijen={data.items}
          kolommen={[
            { kop: t('kennisbank.titelVeld'), render: (a) => <Link naar={`/${gemeente.code}/kennisbank/${a.id}`}>{a.titel}</Link> },
            { kop: t('kennisbank.herzienOp'), render: (a) => datum(a.herzienOp, taal) },
            { kop: t('kennisbank.team'), render: (a) => a.team.naam },
            { kop: t('kennisbank.onderwerp'), render: (a) => a.onderwerp },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
