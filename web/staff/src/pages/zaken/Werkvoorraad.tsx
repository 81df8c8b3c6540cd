import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, api, gemeentePad, type Pagina as ApiPagina, type SessieGemeente, type Werkvoorraad as WerkvoorraadData, type ZaakSamenvatting, type Zaaktype } from '../../api.ts';
import { FoutSamenvatting, KNOP_LINK, Knop, useVerzenden } from '../../components/Formulier.tsx';
import { Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tabel, type Kolom } from '../../components/Tabel.tsx';
import { Keuzelijst, type Optie } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { Band, Opgeschort, datum, stapNaam, isLeiding, magBehandelen, useBehandelaars, useTeams } from './teksten.tsx';

const BANDEN = ['teLaat', 'vandaag', 'dezeWeek', 'later'] as const;
const FILTERS = ['behandelaar', 'team', 'zaaktype', 'status', 'termijn', 'reactie'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

/** The filters of the queue from the app's URL; without any, a behandelaar sees their own zaken. */
export function filtersUit(zoek: URLSearchParams, gemeente: SessieGemeente): Filters {
  const waarde = (naam: Filter) => zoek.get(naam) ?? '';
  return {
    behandelaar: zoek.get('behandelaar') ?? (magBehandelen(gemeente) ? 'ik' : 'alle'),
    team: waarde('team'),
    zaaktype: waarde('zaaktype'),
    status: waarde('status'),
    termijn: waarde('termijn'),
    reactie: waarde('reactie'),
  };
}

/** The app path of the queue with these filters (and a cursor). */
export function werkvoorraadPad(code: string, filters: Partial<Filters>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const naam of FILTERS) {
    const waarde = filters[naam];
    if (waarde) params.set(naam, waarde);
  }
  if (cursor) params.set('cursor', cursor);
  const tekst = params.toString();
  return `/${code}/zaken${tekst ? `?${tekst}` : ''}`;
}

/** The API query of the queue: 'alle' means no behandelaar filter. */
function apiQuery(filters: Filters, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const naam of FILTERS) {
    const waarde = filters[naam];
    if (waarde && !(naam === 'behandelaar' && waarde === 'alle')) params.set(naam, waarde);
  }
  if (cursor) params.set('cursor', cursor);
  params.set('pageSize', '20');
  return params.toString();
}

/** The zaaktypen (newest version per code), for the filters and the registration form. */
export function useZaaktypen(gemeente: SessieGemeente, query = 'pageSize=100') {
  return useLaden<ApiPagina<Zaaktype>>(`${gemeentePad(gemeente.code)}/zaaktypen?${query}`);
}

function FilterFormulier({ gemeente, filters, zaaktypen, teams }: { gemeente: SessieGemeente; filters: Filters; zaaktypen: Zaaktype[]; teams: { id: string; naam: string }[] }) {
  const { t, taal } = useTaal();
  const [keuze, setKeuze] = useState(filters);
  const zet = (naam: Filter) => (event: { target: { value: string } }) => setKeuze((vorige) => ({ ...vorige, [naam]: event.target.value }));
  // Step numbers mean something else in every zaaktype: another zaaktype clears the status.
  const zetZaaktype = (event: { target: { value: string } }) => setKeuze((vorige) => ({ ...vorige, zaaktype: event.target.value, status: '' }));
  function toepassen(event: FormEvent) {
    event.preventDefault();
    navigeer(werkvoorraadPad(gemeente.code, keuze));
  }
  const gekozenType = zaaktypen.find((z) => z.code === keuze.zaaktype);
  // Only the steps of the chosen zaaktype: the same number is another step in another zaaktype.
  const statussen: Optie[] = useMemo(() => (gekozenType?.statustypen ?? []).map((s) => ({ waarde: String(s.volgnummer), label: `${s.volgnummer}. ${stapNaam(s, taal)}` })), [gekozenType, taal]);
  return (
    <form className="loket-filters" onSubmit={toepassen} aria-label={t('werkvoorraad.filters')}>
      <Keuzelijst
        id="filter-behandelaar"
        label={t('werkvoorraad.behandelaar')}
        value={keuze.behandelaar}
        onChange={zet('behandelaar')}
        opties={[
          ...(magBehandelen(gemeente) ? [{ waarde: 'ik', label: t('werkvoorraad.mijnZaken') }] : []),
          { waarde: 'geen', label: t('werkvoorraad.nietToegewezen') },
          { waarde: 'alle', label: t('werkvoorraad.iedereen') },
        ]}
      />
      <Keuzelijst id="filter-team" label={t('werkvoorraad.team')} value={keuze.team} onChange={zet('team')} opties={[{ waarde: '', label: t('werkvoorraad.alleTeams') }, ...teams.map((team) => ({ waarde: team.id, label: team.naam }))]} />
      <Keuzelijst
        id="filter-zaaktype"
        label={t('werkvoorraad.zaaktype')}
        value={keuze.zaaktype}
        onChange={zetZaaktype}
        opties={[{ waarde: '', label: t('werkvoorraad.alleZaaktypen') }, ...zaaktypen.map((z) => ({ waarde: z.code, label: z.naam[taal] || z.naam.nl }))]}
      />
      <Keuzelijst
        id="filter-status"
        label={t('werkvoorraad.status')}
        value={keuze.status}
        onChange={zet('status')}
        uitleg={gekozenType ? undefined : t('werkvoorraad.statusKiesType')}
        opties={[{ waarde: '', label: t('werkvoorraad.alleStatussen') }, ...statussen]}
      />
      <Keuzelijst
        id="filter-termijn"
        label={t('werkvoorraad.termijn')}
        value={keuze.termijn}
        onChange={zet('termijn')}
        opties={[{ waarde: '', label: t('werkvoorraad.alleTermijnen') }, ...BANDEN.map((band) => ({ waarde: band, label: t(`band.${band}`) }))]}
      />
      <Keuzelijst
        id="filter-reactie"
        label={t('werkvoorraad.reactie')}
        value={keuze.reactie}
        onChange={zet('reactie')}
        opties={[
          { waarde: '', label: t('werkvoorraad.alleReacties') },
          { waarde: 'nieuw', label: t('werkvoorraad.nieuweReacties') },
        ]}
      />
      <div className="loket-filters__knop">
        <Knop type="submit">{t('werkvoorraad.toepassen')}</Knop>
      </div>
    </form>
  );
}

/** Assign the chosen zaken at once (teamleider, beheerder): all or nothing. */
function BulkToewijzing({ gemeente, gekozen, leden, onKlaar }: { gemeente: SessieGemeente; gekozen: ZaakSamenvatting[]; leden: { id: string; naam: string }[]; onKlaar(melding: string): void }) {
  const { t } = useTaal();
  const [behandelaar, setBehandelaar] = useState('');
  const { fout, bezig, verzend } = useVerzenden();
  function wijsToe(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      await api.post(`${gemeentePad(gemeente.code)}/zaken/toewijzingen`, { body: { zaken: gekozen.map((z) => z.id), behandelaar: behandelaar || null } });
      const naam = leden.find((l) => l.id === behandelaar)?.naam;
      onKlaar(t('werkvoorraad.toegewezen', { count: gekozen.length, naam: naam ?? t('werkvoorraad.niemand') }));
    });
  }
  return (
    <form className="loket-form" onSubmit={wijsToe} noValidate aria-labelledby="bulk-kop">
      <h2 id="bulk-kop" className="utrecht-heading-2">
        {t('werkvoorraad.bulkTitel')}
      </h2>
      <FoutSamenvatting fout={fout} velden={{ behandelaar: 'bulk-behandelaar' }} />
      <p className="utrecht-paragraph" aria-live="polite">
        {t('werkvoorraad.gekozen', { count: gekozen.length })}
      </p>
      <Keuzelijst
        id="bulk-behandelaar"
        label={t('werkvoorraad.toewijzenAan')}
        value={behandelaar}
        onChange={(e) => setBehandelaar(e.target.value)}
        fout={fout?.veld('behandelaar')}
        opties={[{ waarde: '', label: t('werkvoorraad.niemandTeam') }, ...leden.map((l) => ({ waarde: l.id, label: l.naam }))]}
      />
      <div>
        <Knop type="submit" bezig={bezig}>
          {t('werkvoorraad.toewijzen')}
        </Knop>
      </div>
    </form>
  );
}

/** The work queue: filters, zaken by deadline, claim per row, bulk assign for leiding, keyset pages. */
export function Werkvoorraad({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const filters = filtersUit(zoek, gemeente);
  const cursor = zoek.get('cursor');
  const { data, fout, herlaad } = useLaden<WerkvoorraadData>(`${gemeentePad(gemeente.code)}/zaken?${apiQuery(filters, cursor)}`);
  const zaaktypen = useZaaktypen(gemeente);
  const { ik, teams, mijnTeams } = useTeams(gemeente);
  const leiding = isLeiding(gemeente);
  const behandelen = magBehandelen(gemeente);
  const [gekozen, setGekozen] = useState<Set<string>>(new Set());
  const [melding, setMelding] = useState<string>();
  const oppakken = useVerzenden();

  // Quick links to one's own teams; leiding filters on every team.
  const eigenTeams = mijnTeams ?? [];
  const zichtbareTeams = leiding ? (teams ?? []) : eigenTeams;
  const leden = useBehandelaars(gemeente, filters.team || undefined) ?? [];

  function pak(zaak: ZaakSamenvatting) {
    void oppakken.verzend(async () => {
      await api.post(`${gemeentePad(gemeente.code)}/zaken/${zaak.id}/toewijzing`, { body: { behandelaar: 'ik' }, ifMatch: `"${zaak.versie}"` });
      setMelding(t('werkvoorraad.opgepakt', { zaak: zaak.identificatie }));
      herlaad();
    });
  }
  function kies(id: string, aan: boolean) {
    setGekozen((vorige) => {
      const nieuw = new Set(vorige);
      if (aan) nieuw.add(id);
      else nieuw.delete(id);
      return nieuw;
    });
  }

  const kolommen: Kolom<ZaakSamenvatting>[] = [
    { kop: t('zaak.identificatie'), render: (z) => <Link naar={`/${gemeente.code}/zaken/${z.id}`}>{z.identificatie}</Link> },
    {
      kop: t('zaak.onderwerp'),
      render: (z) => (
        <>
          {z.onderwerp}
          {z.nieuweReactieOp && (
            <>
              {' '}
              <span className="loket-badge loket-badge--reactie">{t('reactie.nieuw')}</span>
            </>
          )}
        </>
      ),
    },
    { kop: t('zaak.zaaktype'), render: (z) => (taal === 'en' && z.zaaktype.naamEn) || z.zaaktype.naam },
    { kop: t('zaak.behandelaar'), render: (z) => z.behandelaar?.naam ?? t('werkvoorraad.nietToegewezenKort') },
    {
      kop: t('zaak.status'),
      render: (z) => (
        <>
          {stapNaam(z.status, taal)}
          {z.opgeschort && (
            <>
              {' '}
              <Opgeschort />
            </>
          )}
        </>
      ),
    },
    {
      kop: t('zaak.uiterlijkeEinddatum'),
      render: (z) => (
        <>
          {datum(z.uiterlijkeEinddatum, taal)}{' '}
          {z.opgeschort && !z.afgeslotenOp ? <span className="loket-badge loket-badge--opgeschort">{t('band.opgeschort')}</span> : <Band band={z.termijnband} />}
        </>
      ),
    },
    ...(behandelen
      ? [
          {
            kop: t('werkvoorraad.actie'),
            render: (z: ZaakSamenvatting) =>
              z.afgeslotenOp || (ik && z.behandelaar?.id === ik) ? null : (
                <Knop soort="secondary-action" bezig={oppakken.bezig} onClick={() => pak(z)} aria-label={t('werkvoorraad.oppakkenZaak', { zaak: z.identificatie })}>
                  {t('werkvoorraad.oppakken')}
                </Knop>
              ),
          },
        ]
      : []),
    ...(leiding
      ? [
          {
            kop: t('werkvoorraad.kiezen'),
            render: (z: ZaakSamenvatting) => (
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                aria-label={t('werkvoorraad.kiesZaak', { zaak: z.identificatie })}
                checked={gekozen.has(z.id)}
                onChange={(e) => kies(z.id, e.target.checked)}
              />
            ),
          },
        ]
      : []),
  ];

  const volgende = data?._links.next ? new URLSearchParams(data._links.next.href.split('?')[1] ?? '').get('cursor') : null;
  const bijschrift = filters.behandelaar === 'ik' ? t('werkvoorraad.bijschriftMijn') : t('werkvoorraad.bijschrift');

  return (
    <Pagina titel={t('werkvoorraad.titel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaken/nieuw`} className={KNOP_LINK}>
          {t('zaakNieuw.titel')}
        </Link>
      </p>
      <nav aria-label={t('werkvoorraad.snel')} className="loket-snel">
        <ul className="utrecht-link-list utrecht-link-list--html-ul">
          {behandelen && (
            <li className="utrecht-link-list__item">
              <Link naar={werkvoorraadPad(gemeente.code, { behandelaar: 'ik' })} aria-current={filters.behandelaar === 'ik' && !filters.team ? 'page' : undefined}>
                {t('werkvoorraad.mijnZaken')}
              </Link>
            </li>
          )}
          {eigenTeams.map((team) => (
            <li key={team.id} className="utrecht-link-list__item">
              <Link naar={werkvoorraadPad(gemeente.code, { behandelaar: 'alle', team: team.id })} aria-current={filters.behandelaar === 'alle' && filters.team === team.id ? 'page' : undefined}>
                {t('werkvoorraad.teamZaken', { team: team.naam })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {zaaktypen.data && teams ? <FilterFormulier gemeente={gemeente} filters={filters} zaaktypen={zaaktypen.data.items} teams={zichtbareTeams} /> : <Laadstatus fout={zaaktypen.fout} />}
      <Statusmelding tekst={melding} />
      <FoutSamenvatting fout={oppakken.fout} meldingen={{ 412: t('zaak.verouderd') }} />
      {oppakken.fout?.status === 412 && (
        <Knop soort="secondary-action" onClick={herlaad}>
          {t('opnieuwLaden')}
        </Knop>
      )}
      {data ? (
        <>
          <Tabel bijschrift={cursor ? t('werkvoorraad.bijschriftVervolg', { bijschrift }) : bijschrift} leeg={t('werkvoorraad.leeg')} rijen={data.items} kolommen={kolommen} />
          {(cursor || volgende) && (
            <nav className="loket-paginering utrecht-pagination" aria-label={t('paginering.label')}>
              {cursor && <Link naar={werkvoorraadPad(gemeente.code, filters)}>{t('werkvoorraad.eerste')}</Link>}
              {volgende && (
                <Link naar={werkvoorraadPad(gemeente.code, filters, volgende)} rel="next">
                  {t('paginering.volgende')}
                </Link>
              )}
            </nav>
          )}
          {leiding && data.items.length > 0 && (
            <BulkToewijzing
              gemeente={gemeente}
              gekozen={data.items.filter((z) => gekozen.has(z.id))}
              leden={leden}
              onKlaar={(tekst) => {
                setMelding(tekst);
                setGekozen(new Set());
                herlaad();
              }}
            />
          )}
        </>
      ) : (
        <Laadstatus fout={fout instanceof ApiError ? fout : undefined} />
      )}
    </Pagina>
  );
}
