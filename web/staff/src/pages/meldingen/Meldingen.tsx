import { useState, type FormEvent } from 'react';
import { gemeentePad, type MeldingCategorie, type MeldingPartner, type MeldingRegel, type MeldingStatus, type MeldingTermijn, type Pagina as ApiPagina, type SessieGemeente } from '../../api.ts';
import { Knop } from '../../components/Formulier.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Paginering } from '../../components/Paginering.tsx';
import { Tabel, type Kolom } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { datum } from '../zaken/teksten.tsx';
import { MeldingenKaart } from './Kaart.tsx';

export const MELDING_STATUSSEN = ['gemeld', 'heropend', 'in-behandeling', 'ingepland', 'wacht-op-extern', 'afgehandeld', 'geannuleerd'] as const satisfies readonly MeldingStatus[];
const TERMIJNEN = ['verlopen', 'vandaag', 'deze-week', 'later'] as const satisfies readonly MeldingTermijn[];
const FILTERS = ['categorie', 'status', 'termijn', 'partner', 'heropenverzoek', 'bbox'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const filtersUit = (zoek: URLSearchParams): Filters => Object.fromEntries(FILTERS.map((f) => [f, zoek.get(f) ?? ''])) as Filters;

function pad(code: string, filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) params.set(f, filters[f]);
  for (const [k, w] of Object.entries(extra)) if (w) params.set(k, w);
  const tekst = params.toString();
  return `/${code}/meldingen${tekst ? `?${tekst}` : ''}`;
}

/** The categories (newest version per code) and the partners, for filters and forms. */
export function useMeldingKeuzes(gemeente: SessieGemeente) {
  const categorieen = useLaden<{ items: MeldingCategorie[] }>(`${gemeentePad(gemeente.code)}/melding-categorieen`).data?.items ?? [];
  const partners = useLaden<{ items: MeldingPartner[] }>(`${gemeentePad(gemeente.code)}/melding-partners`).data?.items ?? [];
  return { categorieen, partners };
}

function FilterFormulier({ gemeente, filters, kaart, categorieen, partners }: { gemeente: SessieGemeente; filters: Filters; kaart: boolean; categorieen: MeldingCategorie[]; partners: MeldingPartner[] }) {
  const { t, taal } = useTaal();
  const [keuze, setKeuze] = useState(filters);
  const zet = (naam: keyof Filters) => (event: { target: { value: string } }) => setKeuze((vorige) => ({ ...vorige, [naam]: event.target.value }));
  function toepassen(event: FormEvent) {
    event.preventDefault();
    navigeer(pad(gemeente.code, keuze, { weergave: kaart ? 'kaart' : '' }));
  }
  const naam = (c: MeldingCategorie) => c.naam[taal] || c.naam.nl;
  const hoofd = categorieen.filter((c) => c.hoofdcategorie === null);
  const opties = hoofd.flatMap((h) => [{ waarde: h.code, label: naam(h) }, ...categorieen.filter((c) => c.hoofdcategorie === h.code).map((c) => ({ waarde: c.code, label: `— ${naam(c)}` }))]);
  return (
    <form className="loket-filters" onSubmit={toepassen} aria-label={t('meldingen.filters')}>
      <Keuzelijst id="filter-categorie" label={t('meldingen.categorie')} value={keuze.categorie} onChange={zet('categorie')} opties={[{ waarde: '', label: t('meldingen.alleCategorieen') }, ...opties]} />
      <Keuzelijst
        id="filter-status"
        label={t('meldingen.statusLabel')}
        value={keuze.status}
        onChange={zet('status')}
        opties={[{ waarde: '', label: t('meldingen.alleStatussen') }, { waarde: 'gemeld,heropend,in-behandeling,ingepland,wacht-op-extern', label: t('meldingen.open') }, ...MELDING_STATUSSEN.map((s) => ({ waarde: s, label: t(`meldingen.status.${s}`) }))]}
      />
      <Keuzelijst id="filter-termijn" label={t('meldingen.termijnLabel')} value={keuze.termijn} onChange={zet('termijn')} opties={[{ waarde: '', label: t('meldingen.alleTermijnen') }, ...TERMIJNEN.map((b) => ({ waarde: b, label: t(`meldingen.termijn.${b}`) }))]} />
 <Keuzelijst
        id="filter-heropenverzoek"
        label={t('meldingen.heropenverzoekLabel')}
        value={keuze.heropenverzoek}
        onChange={zet('heropenverzoek')}
        opties={[{ waarde: '', label: t('meldingen.alleMeldingen') }, { waarde: 'open', label: t('meldingen.metHeropenverzoek') }]}
      />
      <Keuzelijst id="filter-partner" label={t('meldingen.partner')} value={keuze.partner} onChange={zet('partner')} opties={[{ waarde: '', label: t('meldingen.allePartners') }, ...partners.map((p) => ({ waarde: p.id, label: p.naam }))]} />
      {keuze.bbox && (
        <Keuzelijst id="filter-gebied" label={t('meldingen.gebied')} value={keuze.bbox} onChange={zet('bbox')} opties={[{ waarde: keuze.bbox, label: t('meldingen.gebiedKaart') }, { waarde: '', label: t('meldingen.heleGemeente') }]} />
      )}
      <div className="loket-filters__knop">
        <Knop type="submit">{t('meldingen.toepassen')}</Knop>
      </div>
    </form>
  );
}

/**
 * The team's melding queue (ADR 0056): a list (the accessible primary view) or a map, filtered
 * by category, status, deadline band, partner and area (the map's view); open ones first by deadline.
 */
export function Meldingen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const filters = filtersUit(zoek);
  const kaart = zoek.get('weergave') === 'kaart';
  const pagina = zoek.get('page') ?? '1';
  const query = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) query.set(f, filters[f]);
  query.set('page', kaart ? '1' : pagina);
  query.set('pageSize', kaart ? '500' : '20');
  const { data, fout } = useLaden<ApiPagina<MeldingRegel> & { afgekapt: boolean }>(`${gemeentePad(gemeente.code)}/meldingen?${query.toString()}`);
  const { categorieen, partners } = useMeldingKeuzes(gemeente);

  const kolommen: Kolom<MeldingRegel & { id: string }>[] = [
    { kop: t('meldingen.nummer'), render: (m) => <Link naar={`/${gemeente.code}/meldingen/${m.zaakId}`}>{m.identificatie}</Link> },
    { kop: t('meldingen.categorie'), render: (m) => m.categorie.naam[taal] || m.categorie.naam.nl },
    {
      kop: t('meldingen.statusLabel'),
      render: (m) => (
        <>
          {t(`meldingen.status.${m.status}`)}
          {m.heropenverzoek?.status === 'open' && (
            <>
              {' '}
              <strong className="loket-badge">{t('meldingen.heropenverzoekBadge')}</strong>
            </>
          )}
        </>
      ),
    },
    { kop: t('meldingen.plek'), render: (m) => m.adres || (m.lat !== null && m.lon !== null ? `${m.lat.toFixed(5)}, ${m.lon.toFixed(5)}` : '') },
    { kop: t('meldingen.uiterlijk'), render: (m) => (m.afgeslotenOp ? t('meldingen.afgesloten', { datum: datum(m.afgeslotenOp.slice(0, 10), taal) }) : `${datum(m.uiterlijkeEinddatum, taal)} (${m.termijn ? t(`meldingen.termijn.${m.termijn}`) : ''})`) },
    { kop: t('meldingen.partner'), render: (m) => (m.partner ? m.partner.naam : '') },
  ];

  function zoekInKaartbeeld(bbox: string) {
    navigeer(pad(gemeente.code, { ...filters, bbox }, { weergave: 'kaart' }));
  }

  return (
    <Pagina titel={t('meldingen.titel')}>
      <p className="utrecht-paragraph">{t('meldingen.uitleg')}</p>
      <FilterFormulier key={zoek.toString()} gemeente={gemeente} filters={filters} kaart={kaart} categorieen={categorieen} partners={partners} />
      <nav aria-label={t('meldingen.weergave')} className="utrecht-button-group">
        <Link naar={pad(gemeente.code, filters)} aria-current={kaart ? undefined : 'page'}>
          {t('meldingen.lijst')}
        </Link>
        <Link naar={pad(gemeente.code, filters, { weergave: 'kaart' })} aria-current={kaart ? 'page' : undefined}>
          {t('meldingen.kaart')}
        </Link>
      </nav>
      {data ? (
        <>
          <p className="utrecht-paragraph">
            <output>
              {t('meldingen.aantal', { count: data.total })}
              {data.afgekapt ? ` ${t('meldingen.afgekapt')}` : ''}
            </output>
          </p>
          {kaart ? (
            <MeldingenKaart gemeente={gemeente.code} meldingen={data.items} onGebied={zoekInKaartbeeld} />
          ) : (
            <>
              <Tabel bijschrift={t('meldingen.bijschrift', { gemeente: gemeente.naam })} leeg={t('meldingen.leeg')} kolommen={kolommen} rijen={data.items.map((m) => ({ ...m, id: m.zaakId }))} />
              <Paginering pagina={data} pad={pad(gemeente.code, filters)} />
            </>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
