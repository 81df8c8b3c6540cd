import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, VELDSOORTEN, alles, api, gemeentePad, veldpad, type Formulier, type FormulierInvoer, type SessieGemeente, type Veldsoort, type Zaaktype } from '../../api.ts';
import { FoutSamenvatting, Formulier as FormulierVak, HerlaadKnop, Knop, Veld, Vinkje, useFormulier, useVerzenden, type FormulierStaat } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { LijstPagina } from '../../components/LijstPagina.tsx';
import { Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Keuzelijst, Tekstvak } from '../../components/Velden.tsx';
import { VersieSectie, useVersieBron, type Wijziging } from '../../components/Versie.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';

/**
 * The form editor (issue 14, ADR 0064): beheerders list the versions of the gemeente's forms,
 * draft a concept (steps, fields of every kind, choices, conditions, help texts nl/en), preview
 * it, publish it (then it never changes: a new version is a copy) and withdraw it. Everything
 * goes through the published formulieren API; its errors appear next to their fields.
 */
export function Formulieren({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  return (
    <LijstPagina<Formulier>
      gemeente={gemeente}
      zoek={zoek}
      sectie="formulieren"
      uitleg
      nieuw
      kolommen={({ basis }) => [
        { kop: t('formulier.titelKolom'), render: (f) => <Link naar={`${basis}/${f.id}`}>{t('formulier.versieLink', { titel: f.definitie.titel[taal], versie: f.versie })}</Link> },
        { kop: t('formulier.code'), render: (f) => f.code },
        { kop: t('formulier.versie'), render: (f) => String(f.versie) },
        { kop: t('veld.status'), render: (f) => t(`formulierStatus.${f.status}`) },
        { kop: t('formulier.zaaktype'), render: (f) => t('formulier.zaaktypeVersie', { code: f.zaaktype.code, versie: f.zaaktype.versie }) },
      ]}
    />
  );
}

interface OptieRij {
  sleutel: number;
  waarde: string;
  nl: string;
  en: string;
}
interface VeldRij {
  sleutel: number;
  id: string;
  soort: Veldsoort;
  labelNl: string;
  labelEn: string;
  hulpNl: string;
  hulpEn: string;
  verplicht: boolean;
  opties: OptieRij[];
  min: string;
  max: string;
  datum: '' | 'verleden' | 'toekomst';
  toonVeld: string;
  toonIs: string;
}
interface StapRij {
  sleutel: number;
  id: string;
  titelNl: string;
  titelEn: string;
  uitlegNl: string;
  uitlegEn: string;
  toonVeld: string;
  toonIs: string;
  velden: VeldRij[];
}
type Waarden = {
  code: string;
  zaaktype: string;
  titelNl: string;
  titelEn: string;
  inleidingNl: string;
  inleidingEn: string;
  contactNaam: string;
  contactEmail: string;
  contactTelefoon: string;
  contactAdres: string;
  onderwerp: string;
  afspraakProduct: string;
  stappen: StapRij[];
};

type Definitie = FormulierInvoer['definitie'];
type VeldDef = Definitie['stappen'][number]['velden'][number];
type Voorwaarde = VeldDef['toonAls'];

let teller = 0;
const KEUZE: readonly Veldsoort[] = ['keuze', 'meerkeuze'];
const GRENZEN: readonly Veldsoort[] = ['getal', 'tekst', 'lange-tekst'];
const nieuweOptie = (): OptieRij => ({ sleutel: ++teller, waarde: '', nl: '', en: '' });
const nieuwVeld = (): VeldRij => ({ sleutel: ++teller, id: '', soort: 'tekst', labelNl: '', labelEn: '', hulpNl: '', hulpEn: '', verplicht: true, opties: [], min: '', max: '', datum: '', toonVeld: '', toonIs: '' });
const nieuweStap = (): StapRij => ({ sleutel: ++teller, id: '', titelNl: '', titelEn: '', uitlegNl: '', uitlegEn: '', toonVeld: '', toonIs: '', velden: [nieuwVeld()] });

const isTekst = (v: Voorwaarde) => (v ? (typeof v.is === 'string' ? v.is : v.is.join(', ')) : '');

function waardenVan(f: Formulier | undefined): Waarden {
  const d = f?.definitie;
  return {
    code: f?.code ?? '',
    zaaktype: f?.zaaktype.id ?? '',
    titelNl: d?.titel.nl ?? '',
    titelEn: d?.titel.en ?? '',
    inleidingNl: d?.inleiding.nl ?? '',
    inleidingEn: d?.inleiding.en ?? '',
    contactNaam: d?.contact.naam ?? '',
    contactEmail: d?.contact.email ?? '',
    contactTelefoon: d?.contact.telefoon ?? '',
    contactAdres: d?.contact.adres ?? '',
    onderwerp: d?.onderwerp ?? '',
    afspraakProduct: d?.afspraakProduct ?? '',
    stappen: d
      ? d.stappen.map((s) => ({
          sleutel: ++teller,
          id: s.id,
          titelNl: s.titel.nl,
          titelEn: s.titel.en,
          uitlegNl: s.uitleg?.nl ?? '',
          uitlegEn: s.uitleg?.en ?? '',
          toonVeld: s.toonAls?.veld ?? '',
          toonIs: isTekst(s.toonAls),
          velden: s.velden.map((v) => ({
            sleutel: ++teller,
            id: v.id,
            soort: v.soort,
            labelNl: v.label.nl,
            labelEn: v.label.en,
            hulpNl: v.hulp?.nl ?? '',
            hulpEn: v.hulp?.en ?? '',
            verplicht: v.verplicht,
            opties: (v.opties ?? []).map((o) => ({ sleutel: ++teller, waarde: o.waarde, nl: o.label.nl, en: o.label.en })),
            min: v.min === undefined ? '' : String(v.min),
            max: v.max === undefined ? '' : String(v.max),
            datum: v.datum ?? '',
            toonVeld: v.toonAls?.veld ?? '',
            toonIs: isTekst(v.toonAls),
          })),
        }))
      : [nieuweStap()],
  };
}

/** A number field's text as the API wants it (a text that is no number stays text: the API names the error). */
const getal = (w: string): number | undefined => {
  const tekst = w.trim().replace(',', '.');
  if (tekst === '') return undefined;
  return (Number.isFinite(Number(tekst)) ? Number(tekst) : tekst) as number;
};

function voorwaarde(veld: string, is: string): Voorwaarde {
  if (!veld) return undefined;
  const waarden = is
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  return { veld, is: waarden.length === 1 ? (waarden[0] ?? '') : waarden };
}

const zonderLeeg = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, w]) => w !== undefined)) as T;

const tweetalig = (nl: string, en: string) => (nl.trim() || en.trim() ? { nl, en } : undefined);

function invoerVan(w: Waarden): FormulierInvoer {
  return {
    code: w.code.trim(),
    zaaktype: w.zaaktype,
    definitie: zonderLeeg({
      titel: { nl: w.titelNl, en: w.titelEn },
      inleiding: { nl: w.inleidingNl, en: w.inleidingEn },
      contact: zonderLeeg({ naam: w.contactNaam || undefined, email: w.contactEmail || undefined, telefoon: w.contactTelefoon || undefined, adres: w.contactAdres || undefined }),
      onderwerp: w.onderwerp || undefined,
      afspraakProduct: w.afspraakProduct.trim() || undefined,
      stappen: w.stappen.map((s) =>
        zonderLeeg({
          id: s.id.trim(),
          titel: { nl: s.titelNl, en: s.titelEn },
          uitleg: tweetalig(s.uitlegNl, s.uitlegEn),
          toonAls: voorwaarde(s.toonVeld, s.toonIs),
          velden: s.velden.map((v) =>
            zonderLeeg({
              id: v.id.trim(),
              soort: v.soort,
              label: { nl: v.labelNl, en: v.labelEn },
              hulp: tweetalig(v.hulpNl, v.hulpEn),
              verplicht: v.verplicht,
              opties: KEUZE.includes(v.soort) ? v.opties.map((o) => ({ waarde: o.waarde.trim(), label: { nl: o.nl, en: o.en } })) : undefined,
              min: GRENZEN.includes(v.soort) ? getal(v.min) : undefined,
              max: GRENZEN.includes(v.soort) ? getal(v.max) : undefined,
              datum: v.soort === 'datum' && v.datum ? v.datum : undefined,
              toonAls: voorwaarde(v.toonVeld, v.toonIs),
            }),
          ),
        }),
      ),
    }),
  };
}

/** invalidParams path → field id: "definitie.stappen.0.velden.1.label.nl" → "definitie-stappen-0-velden-1-label-nl". */
const veldId = (pad: string) => pad.replaceAll('.', '-');

function focusNa(id: string) {
  document.getElementById(id)?.focus();
}

/** A fieldset around a list of rows, with the list's error and its add button (whose id is the list's path: the error summary leads there). */
function RijenVak({ pad, legenda, fout, toevoegen, onToevoegen, children }: { pad: string; legenda: string; fout: string | undefined; toevoegen: string; onToevoegen(): void; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rijen">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legenda}</legend>
      {fout && <p className="utrecht-form-field-error-message">{fout}</p>}
      {children}
      <div>
        <Knop id={veldId(pad)} soort="secondary-action" onClick={onToevoegen}>
          {toevoegen}
        </Knop>
      </div>
    </fieldset>
  );
}

interface Bewerkers {
  formulier: FormulierStaat<Waarden>;
  fout(pad: string): string | undefined;
  zetStappen(stappen: StapRij[], focus?: string): void;
}

/** The fields (of earlier steps) a condition can depend on. */
function eerdereVelden(stappen: StapRij[], stap: number): { waarde: string; label: string }[] {
  return stappen.slice(0, stap).flatMap((s) => s.velden.filter((v) => v.id.trim()).map((v) => ({ waarde: v.id.trim(), label: `${v.labelNl || v.id} (${v.id})` })));
}

function VoorwaardeVelden({ pad, stappen, stap, toonVeld, toonIs, onChange, fout }: { pad: string; stappen: StapRij[]; stap: number; toonVeld: string; toonIs: string; onChange(deel: { toonVeld?: string; toonIs?: string }): void; fout(pad: string): string | undefined }) {
  const { t } = useTaal();
  const opties = eerdereVelden(stappen, stap);
  if (opties.length === 0 && !toonVeld) return null;
  return (
    <>
      <Keuzelijst
        id={veldId(`${pad}.toonAls.veld`)}
        label={t('formulier.toonAlsVeld')}
        uitleg={t('formulier.toonAlsUitleg')}
        value={toonVeld}
        onChange={(e) => onChange({ toonVeld: e.target.value })}
        fout={fout(`${pad}.toonAls.veld`)}
        opties={[{ waarde: '', label: t('formulier.altijdTonen') }, ...opties, ...(toonVeld && !opties.some((o) => o.waarde === toonVeld) ? [{ waarde: toonVeld, label: toonVeld }] : [])]}
      />
      {toonVeld && (
        <Veld
          id={veldId(`${pad}.toonAls.is`)}
          label={t('formulier.toonAlsIs')}
          uitleg={t('formulier.toonAlsIsUitleg')}
          autoComplete="off"
          required
          value={toonIs}
          onChange={(e) => onChange({ toonIs: e.target.value })}
          fout={fout(`${pad}.toonAls.is`) ?? fout(`${pad}.toonAls.is.0`)}
        />
      )}
    </>
  );
}

function VeldBewerker({ b, s, v, aantal }: { b: Bewerkers; s: number; v: number; aantal: number }) {
  const { t } = useTaal();
  const stappen = b.formulier.waarden.stappen;
  const stap = stappen[s];
  const veld = stap?.velden[v];
  if (!stap || !veld) return null;
  const pad = `definitie.stappen.${s}.velden.${v}`;
  const wijzig = (deel: Partial<VeldRij>) => b.formulier.zet('stappen', stappen.map((st, i) => (i === s ? { ...st, velden: st.velden.map((vr, j) => (j === v ? { ...vr, ...deel } : vr)) } : st)));
  const zetVelden = (velden: VeldRij[], focus?: string) => b.zetStappen(stappen.map((st, i) => (i === s ? { ...st, velden } : st)), focus);
  const nr = `${s + 1}.${v + 1}`;
  const tekst = (naam: 'id' | 'labelNl' | 'labelEn' | 'hulpNl' | 'hulpEn' | 'min' | 'max', deel: string) => ({
    id: veldId(`${pad}.${deel}`),
    value: veld[naam],
    onChange: (e: { target: { value: string } }) => wijzig({ [naam]: e.target.value }),
    fout: b.fout(`${pad}.${deel}`),
  });
  const opties = veld.opties;
  const zetOpties = (lijst: OptieRij[]) => wijzig({ opties: lijst });
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formulier.vraagNr', { nr })}</legend>
      <Veld label={t('formulier.veldId')} uitleg={t('formulier.idUitleg')} autoComplete="off" required {...tekst('id', 'id')} />
      <Keuzelijst
        id={veldId(`${pad}.soort`)}
        label={t('formulier.soort')}
        value={veld.soort}
        onChange={(e) => {
          const soort = e.target.value as Veldsoort;
          wijzig({ soort, opties: KEUZE.includes(soort) && veld.opties.length === 0 ? [nieuweOptie(), nieuweOptie()] : veld.opties });
        }}
        fout={b.fout(`${pad}.soort`)}
        opties={VELDSOORTEN.map((soort) => ({ waarde: soort, label: t(`veldsoort.${soort}`) }))}
      />
      <Veld label={t('formulier.vraagNl')} uitleg={t('formulier.b1Uitleg')} autoComplete="off" required {...tekst('labelNl', 'label.nl')} />
      <Veld label={t('formulier.vraagEn')} autoComplete="off" required {...tekst('labelEn', 'label.en')} />
      <Veld label={t('formulier.hulpNl')} autoComplete="off" {...tekst('hulpNl', 'hulp.nl')} />
      <Veld label={t('formulier.hulpEn')} autoComplete="off" {...tekst('hulpEn', 'hulp.en')} />
      <Vinkje id={veldId(`${pad}.verplicht`)} label={t('formulier.verplicht')} checked={veld.verplicht} onChange={(e) => wijzig({ verplicht: e.target.checked })} />
      {KEUZE.includes(veld.soort) && (
        <RijenVak
          pad={`${pad}.opties`}
          legenda={t('formulier.keuzesVan', { nr })}
          fout={b.fout(`${pad}.opties`)}
          toevoegen={t('formulier.keuzeToevoegen')}
          onToevoegen={() => {
            flushSync(() => zetOpties([...opties, nieuweOptie()]));
            focusNa(veldId(`${pad}.opties.${opties.length}.waarde`));
          }}
        >
          {opties.map((o, k) => {
            const oPad = `${pad}.opties.${k}`;
            const zet = (deel: Partial<OptieRij>) => zetOpties(opties.map((x, j) => (j === k ? { ...x, ...deel } : x)));
            return (
              <fieldset key={o.sleutel} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formulier.keuzeNr', { nr: k + 1 })}</legend>
                <Veld id={veldId(`${oPad}.waarde`)} label={t('formulier.keuzeWaarde')} uitleg={t('formulier.keuzeWaardeUitleg')} autoComplete="off" required value={o.waarde} onChange={(e) => zet({ waarde: e.target.value })} fout={b.fout(`${oPad}.waarde`)} />
                <Veld id={veldId(`${oPad}.label.nl`)} label={t('formulier.keuzeNl')} autoComplete="off" required value={o.nl} onChange={(e) => zet({ nl: e.target.value })} fout={b.fout(`${oPad}.label.nl`)} />
                <Veld id={veldId(`${oPad}.label.en`)} label={t('formulier.keuzeEn')} autoComplete="off" required value={o.en} onChange={(e) => zet({ en: e.target.value })} fout={b.fout(`${oPad}.label.en`)} />
                <div>
                  <Knop
                    soort="subtle"
                    aria-label={t('formulier.verwijderKeuze', { nr: k + 1, vraag: nr })}
                    onClick={() => {
                      flushSync(() => zetOpties(opties.filter((_, j) => j !== k)));
                      focusNa(veldId(`${pad}.opties`));
                    }}
                  >
                    {t('formulier.verwijderen')}
                  </Knop>
                </div>
              </fieldset>
            );
          })}
        </RijenVak>
      )}
      {GRENZEN.includes(veld.soort) && (
        <>
          <Veld label={veld.soort === 'getal' ? t('formulier.minGetal') : t('formulier.minTekens')} autoComplete="off" inputMode="decimal" {...tekst('min', 'min')} />
          <Veld label={veld.soort === 'getal' ? t('formulier.maxGetal') : t('formulier.maxTekens')} autoComplete="off" inputMode="decimal" {...tekst('max', 'max')} />
        </>
      )}
      {veld.soort === 'datum' && (
        <Keuzelijst
          id={veldId(`${pad}.datum`)}
          label={t('formulier.datumGrens')}
          value={veld.datum}
          onChange={(e) => wijzig({ datum: e.target.value as VeldRij['datum'] })}
          fout={b.fout(`${pad}.datum`)}
          opties={[
            { waarde: '', label: t('formulier.datumElke') },
            { waarde: 'verleden', label: t('formulier.datumVerleden') },
            { waarde: 'toekomst', label: t('formulier.datumToekomst') },
          ]}
        />
      )}
      <VoorwaardeVelden pad={pad} stappen={stappen} stap={s} toonVeld={veld.toonVeld} toonIs={veld.toonIs} onChange={wijzig} fout={b.fout} />
      <div className="utrecht-button-group">
        {v > 0 && (
          <Knop
            soort="subtle"
            aria-label={t('formulier.omhoogVraag', { nr })}
            onClick={() => {
              const lijst = [...stap.velden];
              const [rij] = lijst.splice(v, 1);
              if (rij) lijst.splice(v - 1, 0, rij);
              zetVelden(lijst, veldId(`definitie.stappen.${s}.velden.${v - 1}.id`));
            }}
          >
            {t('formulier.omhoog')}
          </Knop>
        )}
        {aantal > 1 && (
          <Knop soort="subtle" aria-label={t('formulier.verwijderVraag', { nr })} onClick={() => zetVelden(stap.velden.filter((_, j) => j !== v), veldId(`definitie.stappen.${s}.velden`))}>
            {t('formulier.verwijderen')}
          </Knop>
        )}
      </div>
    </fieldset>
  );
}

function StapBewerker({ b, s }: { b: Bewerkers; s: number }) {
  const { t } = useTaal();
  const stappen = b.formulier.waarden.stappen;
  const stap = stappen[s];
  if (!stap) return null;
  const pad = `definitie.stappen.${s}`;
  const wijzig = (deel: Partial<StapRij>) => b.formulier.zet('stappen', stappen.map((st, i) => (i === s ? { ...st, ...deel } : st)));
  const tekst = (naam: 'id' | 'titelNl' | 'titelEn' | 'uitlegNl' | 'uitlegEn', deel: string) => ({
    id: veldId(`${pad}.${deel}`),
    value: stap[naam],
    onChange: (e: { target: { value: string } }) => wijzig({ [naam]: e.target.value }),
    fout: b.fout(`${pad}.${deel}`),
  });
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formulier.stapNr', { nr: s + 1 })}</legend>
      <Veld label={t('formulier.stapId')} uitleg={t('formulier.idUitleg')} autoComplete="off" required {...tekst('id', 'id')} />
      <Veld label={t('formulier.stapTitelNl')} autoComplete="off" required {...tekst('titelNl', 'titel.nl')} />
      <Veld label={t('formulier.stapTitelEn')} autoComplete="off" required {...tekst('titelEn', 'titel.en')} />
      <Tekstvak label={t('formulier.stapUitlegNl')} rows={2} {...tekst('uitlegNl', 'uitleg.nl')} />
      <Tekstvak label={t('formulier.stapUitlegEn')} rows={2} {...tekst('uitlegEn', 'uitleg.en')} />
      <VoorwaardeVelden pad={pad} stappen={stappen} stap={s} toonVeld={stap.toonVeld} toonIs={stap.toonIs} onChange={wijzig} fout={b.fout} />
      <RijenVak
        pad={`${pad}.velden`}
        legenda={t('formulier.vragenVan', { nr: s + 1 })}
        fout={b.fout(`${pad}.velden`)}
        toevoegen={t('formulier.vraagToevoegen', { nr: s + 1 })}
        onToevoegen={() => b.zetStappen(stappen.map((st, i) => (i === s ? { ...st, velden: [...st.velden, nieuwVeld()] } : st)), veldId(`${pad}.velden.${stap.velden.length}.id`))}
      >
        {stap.velden.map((veld, v) => (
          <VeldBewerker key={veld.sleutel} b={b} s={s} v={v} aantal={stap.velden.length} />
        ))}
      </RijenVak>
      {stappen.length > 1 && (
        <div>
          <Knop soort="subtle" onClick={() => b.zetStappen(stappen.filter((_, i) => i !== s), veldId('definitie.stappen'))}>
            {t('formulier.verwijderStap', { nr: s + 1 })}
          </Knop>
        </div>
      )}
    </fieldset>
  );
}

/** Every field of a concept: the form's texts, its zaaktype version, its steps with their questions, and which answers give the zaak its contact details. */
function DefinitieVelden({ formulier, zaaktypen, nieuw }: { formulier: FormulierStaat<Waarden>; zaaktypen: Zaaktype[]; nieuw: boolean }) {
  const { t, taal } = useTaal();
  const { waarden, zet } = formulier;
  const fout = (pad: string) => formulier.fout?.veldPad(pad);
  const b: Bewerkers = {
    formulier,
    fout,
    zetStappen(stappen, focus) {
      flushSync(() => zet('stappen', stappen));
      if (focus) focusNa(focus);
    },
  };
  const tekst = (naam: 'code' | 'titelNl' | 'titelEn' | 'afspraakProduct', pad: string) => ({
    id: veldId(pad),
    value: waarden[naam],
    onChange: (e: { target: { value: string } }) => zet(naam, e.target.value),
    fout: fout(pad),
  });
  const alleVelden = waarden.stappen.flatMap((s) => s.velden).filter((v) => v.id.trim());
  const kiesVeld = (naam: 'contactNaam' | 'contactEmail' | 'contactTelefoon' | 'contactAdres' | 'onderwerp', pad: string, soorten: readonly Veldsoort[], label: string) => (
    <Keuzelijst
      id={veldId(pad)}
      label={label}
      value={waarden[naam]}
      onChange={(e) => zet(naam, e.target.value)}
      fout={fout(pad)}
      opties={[{ waarde: '', label: t('geen') }, ...alleVelden.filter((v) => soorten.includes(v.soort) || v.id === waarden[naam]).map((v) => ({ waarde: v.id, label: `${v.labelNl || v.id} (${v.id})` }))]}
    />
  );
  return (
    <>
      <Veld label={t('formulier.code')} uitleg={t('formulier.codeUitleg')} autoComplete="off" required readOnly={!nieuw} {...tekst('code', 'code')} />
      <Keuzelijst
        id="zaaktype"
        label={t('formulier.zaaktype')}
        uitleg={t('formulier.zaaktypeUitleg')}
        required
        value={waarden.zaaktype}
        onChange={(e) => zet('zaaktype', e.target.value)}
        fout={fout('zaaktype')}
        opties={[
          { waarde: '', label: t('formulier.kiesZaaktype') },
          ...zaaktypen.map((z) => ({ waarde: z.id, label: t('formulier.zaaktypeOptie', { naam: z.naam[taal], code: z.code, versie: z.versie, status: t(`zaaktypeStatus.${z.status}`) }) })),
        ]}
      />
      <Veld label={t('formulier.titelNl')} autoComplete="off" required {...tekst('titelNl', 'definitie.titel.nl')} />
      <Veld label={t('formulier.titelEn')} autoComplete="off" required {...tekst('titelEn', 'definitie.titel.en')} />
      <Tekstvak id="definitie-inleiding-nl" label={t('formulier.inleidingNl')} uitleg={t('formulier.b1Uitleg')} value={waarden.inleidingNl} onChange={(e) => zet('inleidingNl', e.target.value)} fout={fout('definitie.inleiding.nl')} />
      <Tekstvak id="definitie-inleiding-en" label={t('formulier.inleidingEn')} value={waarden.inleidingEn} onChange={(e) => zet('inleidingEn', e.target.value)} fout={fout('definitie.inleiding.en')} />
      <RijenVak pad="definitie.stappen" legenda={t('formulier.stappen')} fout={fout('definitie.stappen')} toevoegen={t('formulier.stapToevoegen')} onToevoegen={() => b.zetStappen([...waarden.stappen, nieuweStap()], veldId(`definitie.stappen.${waarden.stappen.length}.id`))}>
        {waarden.stappen.map((stap, s) => (
          <StapBewerker key={stap.sleutel} b={b} s={s} />
        ))}
      </RijenVak>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formulier.zaakgegevens')}</legend>
        {kiesVeld('contactNaam', 'definitie.contact.naam', ['tekst'], t('formulier.contactNaam'))}
        {kiesVeld('contactEmail', 'definitie.contact.email', ['email'], t('formulier.contactEmail'))}
        {kiesVeld('contactTelefoon', 'definitie.contact.telefoon', ['telefoon'], t('formulier.contactTelefoon'))}
        {kiesVeld('contactAdres', 'definitie.contact.adres', ['adres'], t('formulier.contactAdres'))}
        {kiesVeld('onderwerp', 'definitie.onderwerp', ['tekst', 'keuze'], t('formulier.onderwerp'))}
        <Veld label={t('formulier.afspraakProduct')} uitleg={t('formulier.afspraakProductUitleg')} autoComplete="off" {...tekst('afspraakProduct', 'definitie.afspraakProduct')} />
      </fieldset>
    </>
  );
}

/** Field ids for the error summary: every path the server names. */
function veldenVoor(formulier: FormulierStaat<Waarden>): Record<string, string> {
  const velden: Record<string, string> = { zaaktype: 'zaaktype' };
  for (const param of formulier.fout?.problem.invalidParams ?? []) {
    const pad = veldpad(param.name);
    const id = veldId(pad);
    // "…toonAls.is.0" (one value of a list) is shown at the field of the values.
    velden[pad] ??= document.getElementById(id) ? id : veldId(pad.replace(/\.\d+$/, ''));
  }
  return velden;
}

/** The zaaktype versions of the gemeente (a form becomes a zaak of one of them). */
function useZaaktypen(gemeente: SessieGemeente) {
  const [zaaktypen, setZaaktypen] = useState<Zaaktype[]>();
  const [fout, setFout] = useState<ApiError>();
  useEffect(() => {
    const afbreken = new AbortController();
    alles<Zaaktype>(`${gemeentePad(gemeente.code)}/zaaktypen?alleVersies=true`, afbreken.signal).then(setZaaktypen, (e: unknown) => {
      if (e instanceof ApiError) setFout(e);
    });
    return () => afbreken.abort();
  }, [gemeente.code]);
  return { zaaktypen, fout };
}

const MELDINGEN = (t: (k: string) => string) => ({ 'formulier-bestaat': t('formulier.foutBestaat'), 'zaaktype-niet-gepubliceerd': t('formulier.foutZaaktype'), 'concept-bestaat': t('formulier.foutConcept'), 'niet-de-nieuwste': t('formulier.foutNietNieuwste') });

export function FormulierNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const { zaaktypen, fout } = useZaaktypen(gemeente);
  const formulier = useFormulier(() => waardenVan(undefined));
  async function maak() {
    const { data } = await api.post<Formulier>(`${gemeentePad(gemeente.code)}/formulieren`, { body: invoerVan(formulier.waarden) });
    navigeer(`/${gemeente.code}/formulieren/${data.id}`, { melding: t('formulier.aangemaakt', { code: data.code }) });
  }
  return (
    <Pagina titel={t('formulieren.nieuwTitel')} terug={{ naar: `/${gemeente.code}/formulieren`, tekst: t('formulieren.terug') }}>
      {zaaktypen ? (
        <FormulierVak formulier={formulier} onVerstuur={maak} knop={t('formulieren.aanmaken')} velden={veldenVoor(formulier)} meldingen={MELDINGEN(t)}>
          <DefinitieVelden formulier={formulier} zaaktypen={zaaktypen} nieuw />
        </FormulierVak>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

function Bewerken({ wijziging, zaaktypen }: { wijziging: Wijziging<Formulier>; zaaktypen: Zaaktype[] }) {
  const { t } = useTaal();
  const formulier = useFormulier(() => waardenVan(wijziging.data));
  return (
    <FormulierVak
      formulier={formulier}
      onVerstuur={() => wijziging.stuur('put', '', invoerVan(formulier.waarden))}
      knop={t('formulier.conceptOpslaan')}
      knoppen={<HerlaadKnop fout={formulier.fout} onHerlaad={wijziging.herlaad} />}
      velden={veldenVoor(formulier)}
      meldingen={MELDINGEN(t)}
    >
      <DefinitieVelden formulier={formulier} zaaktypen={zaaktypen} nieuw={false} />
    </FormulierVak>
  );
}

/** One action on the version (publish, withdraw): its explanation, its button, its error. */
function Actie({ uitleg, knop, soort = 'primary-action', onActie }: { uitleg: string; knop: string; soort?: 'primary-action' | 'secondary-action'; onActie(): Promise<void> }) {
  const { t } = useTaal();
  const { fout, bezig, verzend } = useVerzenden();
  return (
    <>
      <p className="utrecht-paragraph">{uitleg}</p>
      <FoutSamenvatting fout={fout} meldingen={MELDINGEN(t)} />
      <Knop soort={soort} bezig={bezig} onClick={() => void verzend(onActie)}>
        {knop}
      </Knop>
    </>
  );
}

const id = (veld: VeldDef, deel = '') => `voorbeeld-${veld.id}${deel}`;
const keuzeSoort = (veld: VeldDef) => veld.soort === 'keuze' || veld.soort === 'meerkeuze' || veld.soort === 'ja-nee';

/** The form as a resident will see it, one step after another (the controls do nothing here). */
function Voorbeeld({ formulier }: { formulier: Formulier }) {
  const { t, taal } = useTaal();
  const d = formulier.definitie;
  const alle = d.stappen.flatMap((s) => s.velden);
  const voorwaardeTekst = (v: Voorwaarde) => {
    if (!v) return undefined;
    const bron = alle.find((x) => x.id === v.veld);
    const waarden = (typeof v.is === 'string' ? [v.is] : v.is).map((w) => bron?.opties?.find((o) => o.waarde === w)?.label[taal] ?? w);
    return t('formulier.alleenAls', { vraag: bron?.label[taal] ?? v.veld, waarden: waarden.join(t('formulier.of')) });
  };
  const besturing = (veld: VeldDef): ReactNode => {
    switch (veld.soort) {
      case 'lange-tekst':
        return <textarea id={id(veld)} className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} disabled />;
      case 'keuze':
      case 'meerkeuze':
      case 'ja-nee': {
        const opties = veld.soort === 'ja-nee' ? [{ waarde: 'ja', label: { nl: 'Ja', en: 'Yes' } }, { waarde: 'nee', label: { nl: 'Nee', en: 'No' } }] : (veld.opties ?? []);
        const type = veld.soort === 'meerkeuze' ? 'checkbox' : 'radio';
        return opties.map((o) => (
          <div key={o.waarde} className="utrecht-form-field utrecht-form-field--checkbox">
            <input id={id(veld, `-${o.waarde}`)} type={type} name={id(veld)} className={`utrecht-${type} utrecht-${type}--html-input`} disabled />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id(veld, `-${o.waarde}`)}>
              {o.label[taal]}
            </label>
          </div>
        ));
      }
      case 'toestemming':
        return <input id={id(veld)} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" disabled />;
      case 'bestand':
        return <input id={id(veld)} type="file" className="utrecht-textbox utrecht-textbox--html-input" disabled />;
      case 'adres':
        return <input id={id(veld)} className="utrecht-textbox utrecht-textbox--html-input" placeholder="1234 AB 12" disabled />;
      default:
        return <input id={id(veld)} className="utrecht-textbox utrecht-textbox--html-input" disabled />;
    }
  };
  return (
    <div className="loket-voorbeeld">
      <h3 className="utrecht-heading-3">{d.titel[taal]}</h3>
      {d.inleiding[taal] && <p className="utrecht-paragraph">{d.inleiding[taal]}</p>}
      {d.stappen.map((stap, s) => (
        <fieldset key={stap.id} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset loket-rij" disabled>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('formulier.voorbeeldStap', { nr: s + 1, aantal: d.stappen.length, titel: stap.titel[taal] })}</legend>
          {stap.uitleg?.[taal] && <p className="utrecht-paragraph">{stap.uitleg[taal]}</p>}
          {stap.toonAls && <p className="utrecht-paragraph"><em>{voorwaardeTekst(stap.toonAls)}</em></p>}
          {stap.velden.map((veld) => (
            <div key={veld.id} className="utrecht-form-field">
              {keuzeSoort(veld) ? (
                <p className="utrecht-form-label">{veld.label[taal]}{veld.verplicht ? '' : ` ${t('formulier.nietVerplicht')}`}</p>
              ) : (
                <label className="utrecht-form-label" htmlFor={id(veld)}>
                  {veld.label[taal]}
                  {veld.verplicht ? '' : ` ${t('formulier.nietVerplicht')}`}
                </label>
              )}
              {veld.hulp?.[taal] && <div className="utrecht-form-field-description">{veld.hulp[taal]}</div>}
              {veld.toonAls && <div className="utrecht-form-field-description"><em>{voorwaardeTekst(veld.toonAls)}</em></div>}
              {besturing(veld)}
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

/** One version of a form: its data and preview; a concept can be edited and published, a published version withdrawn, the newest copied into a new version. */
export function FormulierDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/formulieren/${encodeURIComponent(id)}`;
  const { bron, fout } = useVersieBron<Formulier>(pad);
  const { zaaktypen } = useZaaktypen(gemeente);
  const f = bron?.data;
  const [melding, setMelding] = useState<string>();
  const meldingVak = useRef<HTMLDivElement>(null);
  const gemeld = (tekst: string) => {
    flushSync(() => setMelding(tekst));
    meldingVak.current?.focus();
  };
  return (
    <Pagina titel={f ? t('formulier.titelVersie', { titel: f.definitie.titel[taal], versie: f.versie }) : t('formulier.titel')} terug={{ naar: `/${gemeente.code}/formulieren`, tekst: t('formulieren.terug') }}>
      {bron && f ? (
        <>
          <div ref={meldingVak} tabIndex={-1} className="loket-focus-vak">
            <Statusmelding tekst={melding} />
          </div>
          <Gegevenslijst
            regels={[
              [t('formulier.code'), f.code],
              [t('formulier.versie'), String(f.versie)],
              [t('veld.status'), t(`formulierStatus.${f.status}`)],
              [t('formulier.zaaktype'), t('formulier.zaaktypeVersie', { code: f.zaaktype.code, versie: f.zaaktype.versie })],
              [t('formulier.gepubliceerdOp'), f.gepubliceerdOp ? tijdstip(f.gepubliceerdOp, taal) : t('geen')],
              [t('formulier.ingetrokkenOp'), f.ingetrokkenOp ? tijdstip(f.ingetrokkenOp, taal) : t('geen')],
            ]}
          />
          {f.status === 'concept' && (
            <VersieSectie bron={bron} naam="publiceren" titel={t('formulier.publiceren')}>
              {(wijziging) => (
                <Actie
                  uitleg={t('formulier.publicerenUitleg')}
                  knop={t('formulier.publiceren')}
                  onActie={async () => {
                    await wijziging.stuur('post', '/publicatie');
                    gemeld(t('formulier.gepubliceerd'));
                  }}
                />
              )}
            </VersieSectie>
          )}
          {f.status === 'gepubliceerd' && (
            <VersieSectie bron={bron} naam="intrekken" titel={t('formulier.intrekken')}>
              {(wijziging) => (
                <Actie
                  soort="secondary-action"
                  uitleg={t('formulier.intrekkenUitleg')}
                  knop={t('formulier.intrekken')}
                  onActie={async () => {
                    await wijziging.stuur('post', '/intrekking');
                    gemeld(t('formulier.ingetrokken'));
                  }}
                />
              )}
            </VersieSectie>
          )}
          {f.status !== 'concept' && (
            <Sectie titel={t('formulier.nieuweVersie')}>
              <Actie
                soort="secondary-action"
                uitleg={t('formulier.nieuweVersieUitleg')}
                knop={t('formulier.nieuweVersie')}
                onActie={async () => {
                  const { data } = await api.post<Formulier>(`${pad}/versies`);
                  navigeer(`/${gemeente.code}/formulieren/${data.id}`, { melding: t('formulier.versieGemaakt', { versie: data.versie }) });
                }}
              />
            </Sectie>
          )}
          <Sectie titel={t('formulier.voorbeeld')}>
            <p className="utrecht-paragraph">{t('formulier.voorbeeldUitleg')}</p>
            <Voorbeeld formulier={f} />
          </Sectie>
          {f.status === 'concept' && (
            <VersieSectie bron={bron} naam="bewerken" titel={t('formulier.bewerken')}>
              {(wijziging) => (zaaktypen ? <Bewerken wijziging={wijziging} zaaktypen={zaaktypen} /> : <Laadstatus fout={undefined} />)}
            </VersieSectie>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
