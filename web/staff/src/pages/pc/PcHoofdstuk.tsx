import type { PcHoofdstuk as Hoofdstuk, PcProgramma, PcVersie, SessieGemeente } from '../../api.ts';
import { Knop, Veld, useFormulier } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tekstvak } from '../../components/Velden.tsx';
import { VersieSectie, WijzigFormulier, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { alineas, apiProgramma, apiVersie, documentNaam, Groep, NieuweVersie, pcBasis, regels, statusTekst, veldenVan, veldFout, vervang, zonder } from './pc.gedeeld.tsx';
import { Financien, Investeringen, Overhevelingen, Paragrafen } from './PcFinancien.tsx';
import { IndicatorTabel, NieuweIndicator } from './PcIndicator.tsx';
import { Voetnoten } from './PcVoetnoten.tsx';

function Programmatekst({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  const h = wijziging.data.hoofdstuk;
  const formulier = useFormulier({
    naam: h.programma,
    portefeuillehouders: h.portefeuillehouders.join('\n'),
    concerndirecteuren: h.concerndirecteuren.join('\n'),
    visie: h.visie.join('\n\n'),
  });
  const { waarden, zet, fout } = formulier;
  if (!wijziging.data.bewerkbaar) {
    return (
      <>
        <Gegevenslijst
          regels={[
            [t('pc.programmaNaam'), h.programma],
            [t('pc.portefeuillehouders'), h.portefeuillehouders.join(', ') || t('geen')],
            [t('pc.concerndirecteuren'), h.concerndirecteuren.join(', ') || t('geen')],
          ]}
        />
        <h3 className="utrecht-heading-3">{t('pc.visie')}</h3>
        {h.visie.map((alinea, i) => (
          <p key={i} className="utrecht-paragraph">
            {alinea}
          </p>
        ))}
      </>
    );
  }
  return (
    <WijzigFormulier
      wijziging={wijziging}
      formulier={formulier}
      methode="patch"
      knop={t('opslaan')}
      velden={veldenVan(fout)}
      body={(w) => ({ naam: w.naam, portefeuillehouders: regels(w.portefeuillehouders), concerndirecteuren: regels(w.concerndirecteuren), visie: alineas(w.visie) })}
    >
      <Veld label={t('pc.programmaNaam')} autoComplete="off" required {...formulier.tekst('naam')} />
      {(['portefeuillehouders', 'concerndirecteuren'] as const).map((naam) => (
        <Tekstvak key={naam} id={naam} rows={2} label={t(`pc.${naam}`)} uitleg={t('pc.eenPerRegel')} value={waarden[naam]} onChange={(e) => zet(naam, e.target.value)} fout={veldFout(fout, naam)} />
      ))}
      <Tekstvak id="visie" rows={8} label={t('pc.visie')} uitleg={t('pc.alineasUitleg')} value={waarden.visie} onChange={(e) => zet('visie', e.target.value)} fout={veldFout(fout, 'visie')} />
    </WijzigFormulier>
  );
}

function Doelen({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  const formulier = useFormulier({ doelen: wijziging.data.hoofdstuk.doelen });
  const { waarden, zet, fout } = formulier;
  const doelen = waarden.doelen;
  if (!wijziging.data.bewerkbaar) {
    if (doelen.length === 0) return <p className="utrecht-paragraph">{t('pc.geenDoelen')}</p>;
    return (
      <ul className="utrecht-unordered-list">
        {doelen.map((d) => (
          <li key={d.code} className="utrecht-unordered-list__item">
            {d.code}. {d.naam}
            {d.subdoelen.length > 0 && (
              <ul className="utrecht-unordered-list">
                {d.subdoelen.map((s) => (
                  <li key={s.code} className="utrecht-unordered-list__item">
                    {s.code} {s.naam}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    );
  }
  const zetDoel = (i: number, doel: Hoofdstuk['doelen'][number]) => zet('doelen', vervang(doelen, i, doel));
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('pc.doelenOpslaan')} velden={veldenVan(fout)}>
      {doelen.map((doel, i) => (
        <Groep key={i} legenda={t('pc.doelNr', { nr: i + 1 })}>
          <Veld id={`doelen-${i}-code`} label={t('pc.code')} autoComplete="off" value={doel.code} onChange={(e) => zetDoel(i, { ...doel, code: e.target.value })} fout={veldFout(fout, `doelen-${i}-code`)} />
          <Veld id={`doelen-${i}-naam`} label={t('pc.doel')} autoComplete="off" required value={doel.naam} onChange={(e) => zetDoel(i, { ...doel, naam: e.target.value })} fout={veldFout(fout, `doelen-${i}-naam`)} />
          {doel.subdoelen.map((sub, j) => {
            const id = `doelen-${i}-subdoelen-${j}`;
            const zetSub = (nieuw: typeof sub) => zetDoel(i, { ...doel, subdoelen: vervang(doel.subdoelen, j, nieuw) });
            return (
              <Groep key={j} legenda={t('pc.subdoelNr', { doel: i + 1, nr: j + 1 })}>
                <Veld id={`${id}-code`} label={t('pc.code')} autoComplete="off" value={sub.code} onChange={(e) => zetSub({ ...sub, code: e.target.value })} fout={veldFout(fout, `${id}-code`)} />
                <Veld id={`${id}-naam`} label={t('pc.subdoel')} autoComplete="off" required value={sub.naam} onChange={(e) => zetSub({ ...sub, naam: e.target.value })} fout={veldFout(fout, `${id}-naam`)} />
                <div>
                  <Knop soort="subtle" onClick={() => zetDoel(i, { ...doel, subdoelen: zonder(doel.subdoelen, j) })}>
                    {t('pc.subdoelWeg', { doel: i + 1, nr: j + 1 })}
                  </Knop>
                </div>
              </Groep>
            );
          })}
          <div className="utrecht-button-group">
            <Knop soort="secondary-action" onClick={() => zetDoel(i, { ...doel, subdoelen: [...doel.subdoelen, { code: `${doel.code}.${doel.subdoelen.length + 1}`, naam: '' }] })}>
              {t('pc.subdoelErbij', { nr: i + 1 })}
            </Knop>
            <Knop soort="subtle" onClick={() => zet('doelen', zonder(doelen, i))}>
              {t('pc.doelWeg', { nr: i + 1 })}
            </Knop>
          </div>
        </Groep>
      ))}
      <div>
        <Knop soort="secondary-action" onClick={() => zet('doelen', [...doelen, { code: String(doelen.length + 1), naam: '', subdoelen: [] }])}>
          {t('pc.doelErbij')}
        </Knop>
      </div>
    </WijzigFormulier>
  );
}

function Activiteiten({ wijziging }: { wijziging: Wijziging<PcProgramma> }) {
  const { t } = useTaal();
  const h = wijziging.data.hoofdstuk;
  const formulier = useFormulier({ activiteiten: h.activiteiten });
  const { waarden, zet, fout } = formulier;
  const lijst = waarden.activiteiten;
  const tekstLabel = t(h.soort === 'jaarstukken' ? 'pc.activiteitRealisatie' : 'pc.activiteitBegroting');
  if (!wijziging.data.bewerkbaar) {
    if (lijst.length === 0) return <p className="utrecht-paragraph">{t('pc.geenActiviteiten')}</p>;
    return lijst.map((a) => (
      <div key={a.code}>
        <h3 className="utrecht-heading-3">
          {a.code} {a.naam}
        </h3>
        {a.tekst
          .split('\n')
          .filter(Boolean)
          .map((regel, i) => (
            <p key={i} className="utrecht-paragraph">
              {regel}
            </p>
          ))}
      </div>
    ));
  }
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('pc.activiteitenOpslaan')} velden={veldenVan(fout)}>
      {lijst.map((a, i) => {
        const id = `activiteiten-${i}`;
        const zetA = (nieuw: typeof a) => zet('activiteiten', vervang(lijst, i, nieuw));
        return (
          <Groep key={i} legenda={t('pc.activiteitNr', { nr: i + 1 })}>
            <Veld id={`${id}-code`} label={t('pc.code')} autoComplete="off" value={a.code} onChange={(e) => zetA({ ...a, code: e.target.value })} fout={veldFout(fout, `${id}-code`)} />
            <Veld id={`${id}-naam`} label={t('pc.activiteit')} autoComplete="off" required value={a.naam} onChange={(e) => zetA({ ...a, naam: e.target.value })} fout={veldFout(fout, `${id}-naam`)} />
            <Tekstvak id={`${id}-tekst`} rows={5} label={tekstLabel} uitleg={t('pc.regelsUitleg')} value={a.tekst} onChange={(e) => zetA({ ...a, tekst: e.target.value })} fout={veldFout(fout, `${id}-tekst`)} />
            <div>
              <Knop soort="subtle" onClick={() => zet('activiteiten', zonder(lijst, i))}>
                {t('pc.activiteitWeg', { nr: i + 1 })}
              </Knop>
            </div>
          </Groep>
        );
      })}
      <div>
        <Knop soort="secondary-action" onClick={() => zet('activiteiten', [...lijst, { code: '', naam: '', tekst: '' }])}>
          {t('pc.activiteitErbij')}
        </Knop>
      </div>
    </WijzigFormulier>
  );
}

/**
 * One programme chapter of a version: its texts, goals, activities, indicators and footnotes.
 * Each section saves with If-Match; a vastgesteld version is shown read-only, with a way to make a
 * new version.
 */
export function PcHoofdstuk({ gemeente, id, slug }: { gemeente: SessieGemeente; id: string; slug: string }) {
  const { t, taal } = useTaal();
  const { bron, fout } = useVersieBron<PcProgramma>(apiProgramma(gemeente, id, slug));
  const { data: versie } = useLaden<PcVersie>(apiVersie(gemeente, id));
  const p = bron?.data;
  const hier = `${pcBasis(gemeente)}/${id}/${encodeURIComponent(slug)}`;
  return (
    <Pagina titel={p?.hoofdstuk.programma ?? t('pc.programma')} terug={{ naar: `${pcBasis(gemeente)}/${id}`, tekst: t('pc.terugVersie') }}>
      {bron && p ? (
        <>
          {versie && (
            <Gegevenslijst
              regels={[
                [t('pc.document'), documentNaam(t, versie)],
                [t('pc.versie'), t('pc.versieKort', { nummer: versie.volgnummer, naam: versie.naam })],
                [t('veld.status'), statusTekst(t, taal, versie)],
              ]}
            />
          )}
          {!p.bewerkbaar && (
            <section className="loket-sectie" aria-labelledby="alleen-lezen">
              <Melding soort="warning" rol="none">
                <h2 id="alleen-lezen" className="utrecht-heading-2">
                  {t('pc.alleenLezenKop')}
                </h2>
                <p className="utrecht-paragraph">{t('pc.alleenLezenUitleg')}</p>
              </Melding>
              <NieuweVersie gemeente={gemeente} versieId={id} programma={slug} />
            </section>
          )}
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">
              <Link naar={`${hier}/afwijkingen`}>{t('pc.naarAfwijkingen')}</Link>
            </li>
            {versie && versie.volgnummer > 1 && (
              <li className="utrecht-unordered-list__item">
                <Link naar={`${pcBasis(gemeente)}/${id}/vergelijking`}>{t('pc.naarVergelijking')}</Link>
              </li>
            )}
          </ul>
          <VersieSectie bron={bron} naam="programma" titel={t('pc.programmaKop')}>
            {(wijziging) => <Programmatekst wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="doelen" titel={t('pc.doelenKop')}>
            {(wijziging) => <Doelen wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="activiteiten" titel={t('pc.activiteitenKop')}>
            {(wijziging) => <Activiteiten wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="paragrafen" titel={t('pc.paragrafenKop')}>
            {(wijziging) => <Paragrafen wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="indicatoren" titel={t('pc.indicatorenKop')}>
            {(wijziging) => <IndicatorTabel wijziging={wijziging} basis={hier} />}
          </VersieSectie>
          {p.bewerkbaar && (
            <VersieSectie bron={bron} naam="nieuwe-indicator" titel={t('pc.indicatorErbijKop')}>
              {(wijziging) => <NieuweIndicator wijziging={wijziging} />}
            </VersieSectie>
          )}
          <VersieSectie bron={bron} naam="financien" titel={t('pc.financienKop')}>
            {(wijziging) => <Financien wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="overhevelingen" titel={t('pc.overhevelingenKop')}>
            {(wijziging) => <Overhevelingen wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="investeringen" titel={t('pc.investeringenKop')}>
            {(wijziging) => <Investeringen wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="voetnoten" titel={t('pc.voetnotenKop')}>
            {(wijziging) => <Voetnoten wijziging={wijziging} />}
          </VersieSectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
