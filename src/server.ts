import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { MAIL_FROM_STANDAARD, type Config } from './config.ts';
import type { Database } from './db/database.ts';
import { gedeeldGeheim } from './db/gedeeld-geheim.ts';
import { openSignalen, type Signalen } from './db/signalen.ts';
import { API_PREFIX, createHttpServer } from './http/app.ts';
import { installIdempotency } from './http/idempotency.ts';
import type { RouteWithPolicy } from './http/policy.ts';
import { systeemklok, type Klok } from './klok.ts';
import { MIGRATIES } from './db/migrate.ts';
import { gemeentenRepository } from './modules/gemeenten/gemeenten.repository.ts';
import { gezondheidRepository } from './modules/gezondheid/gezondheid.repository.ts';
import { gezondheidRoutes } from './modules/gezondheid/gezondheid.routes.ts';
import { gemeentenRoutes } from './modules/gemeenten/gemeenten.routes.ts';
import { medewerkersAppRoutes } from './modules/medewerkers-app/medewerkers-app.routes.ts';
import { portaalRoutes } from './modules/portaal/portaal.routes.ts';
import { apiDocsRoutes } from './modules/api-docs/api-docs.routes.ts';
import { apiTokensRepository } from './modules/api-tokens/api-tokens.repository.ts';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.ts';
import { apiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { auditRepository } from './modules/audit/audit.repository.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { auditService, systeemContext } from './modules/audit/audit.service.ts';
import { authRepository } from './modules/auth/auth.repository.ts';
import { authenticator, authRoutes } from './modules/auth/auth.routes.ts';
import { authService } from './modules/auth/auth.service.ts';
import { gebruikersRepository } from './modules/gebruikers/gebruikers.repository.ts';
import { gebruikersRoutes } from './modules/gebruikers/gebruikers.routes.ts';
import { gebruikersService } from './modules/gebruikers/gebruikers.service.ts';
import { teamsRepository } from './modules/teams/teams.repository.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { teamsService } from './modules/teams/teams.service.ts';
import { demoService } from './modules/demo/demo.service.ts';
import { ONDERHOUD_OPRUIMEN, opruimenCron, startOpruimen } from './modules/onderhoud/onderhoud.job.ts';
import { onderhoudRepository } from './modules/onderhoud/onderhoud.repository.ts';
import { onderhoudService } from './modules/onderhoud/onderhoud.service.ts';
import { startJobs, type JobsLogger } from './jobs/jobs.ts';
import { berichtenRepository } from './modules/berichten/berichten.repository.ts';
import { inwonersRepository } from './modules/inwoners/inwoners.repository.ts';
import { INWONER_COOKIE, inwonersRoutes } from './modules/inwoners/inwoners.routes.ts';
import { inwonersService } from './modules/inwoners/inwoners.service.ts';
import { berichtenRoutes } from './modules/berichten/berichten.routes.ts';
import { BERICHT_VERZENDEN, berichtenService, smtpMailer, type Berichten, type BerichtenService } from './modules/berichten/berichten.service.ts';
import { sluitingsdagenRepository } from './modules/termijnen/sluitingsdagen.repository.ts';
import { termijnenRoutes } from './modules/termijnen/termijnen.routes.ts';
import { bezwaarRoutes } from './modules/bezwaar/bezwaar.routes.ts';
import { bezwaarService } from './modules/bezwaar/bezwaar.service.ts';
import { bezwaarProcedure, bezwaarProcedureVan } from './modules/bezwaar/bezwaar.procedure.ts';
import { bezwaarRepository } from './modules/bezwaar/bezwaar.repository.ts';
import { bezwaarPaginaRoutes } from './modules/bezwaar/bezwaar.paginas.ts';
import { bezwaarProcedureRoutes } from './modules/bezwaar/bezwaar.procedure.routes.ts';
import { bezwaarKpis } from './modules/bezwaar/bezwaar.kpi.ts';
import { termijnenService } from './modules/termijnen/termijnen.service.ts';
import { kpiRepository } from './modules/kpi/kpi.repository.ts';
import { kpiRoutes } from './modules/kpi/kpi.routes.ts';
import { kpiService } from './modules/kpi/kpi.service.ts';
import { afsprakenRepository } from './modules/afspraken/afspraken.repository.ts';
import { afspraakPaginaRoutes } from './modules/afspraken/afspraken.paginas.ts';
import { afsprakenRoutes } from './modules/afspraken/afspraken.routes.ts';
import { afsprakenService } from './modules/afspraken/afspraken.service.ts';
import { afsprakenInrichtingRepository } from './modules/afspraken/afspraken.inrichting.repository.ts';
import { afsprakenInrichtingRoutes } from './modules/afspraken/afspraken.inrichting.routes.ts';
import { afsprakenInrichtingService } from './modules/afspraken/afspraken.inrichting.ts';
import { AFSPRAKEN_HERINNEREN, startHerinneringen } from './modules/afspraken/afspraken.job.ts';
import { productenRepository } from './modules/producten/producten.repository.ts';
import { productenRoutes } from './modules/producten/producten.routes.ts';
import { productenService } from './modules/producten/producten.service.ts';
import { zaaktypenRepository } from './modules/zaaktypen/zaaktypen.repository.ts';
import { zaaktypenRoutes } from './modules/zaaktypen/zaaktypen.routes.ts';
import { zaaktypenService } from './modules/zaaktypen/zaaktypen.service.ts';
import { zakenRepository } from './modules/zaken/zaken.repository.ts';
import { zakenRoutes } from './modules/zaken/zaken.routes.ts';
import { brievenRoutes } from './modules/brieven/brieven.routes.ts';
import { brievenRepository } from './modules/brieven/brieven.repository.ts';
import { briefWoorden, brievenService } from './modules/brieven/brieven.service.ts';
import { zakenService, type ZakenDeps } from './modules/zaken/zaken.service.ts';
import { zakenKpis } from './modules/zaken/zaken.kpi.ts';
import { zakenKpiRollup } from './modules/zaken/zaken.kpi.rollup.ts';
import { zakenKpiRollupRepository } from './modules/zaken/zaken.kpi.rollup.repository.ts';
import { KPI_ROLLUPS, startKpiRollups } from './modules/kpi/kpi.rollup.job.ts';
import { dagRollup } from './modules/kpi/kpi.dagrollup.ts';
import { kpiRollupRepository } from './modules/kpi/kpi.rollup.repository.ts';
import { KCC_GESPREKKEN, kccGesprekkenBouwer, kccGesprekkenRollupRepository } from './modules/kcc/kcc.gesprekken.rollup.repository.ts';
import { KLANTCONTACTEN, klantcontactenBouwer } from './modules/klantcontacten/klantcontacten.rollup.repository.ts';
import { CONTACTVERZOEKEN, contactverzoekenBouwer } from './modules/contactverzoeken/contactverzoeken.rollup.repository.ts';
import { cronElkeMinuten } from './jobs/jobs.ts';
import { klantcontactenRepository } from './modules/klantcontacten/klantcontacten.repository.ts';
import { klantcontactenRoutes } from './modules/klantcontacten/klantcontacten.routes.ts';
import { klantcontactenService } from './modules/klantcontacten/klantcontacten.service.ts';
import { klantcontactenKpis } from './modules/klantcontacten/klantcontacten.kpi.ts';
import { afsprakenKpis } from './modules/afspraken/afspraken.kpi.ts';
import { mailintakeRepository } from './modules/mailintake/mailintake.repository.ts';
import { mailintakeRoutes } from './modules/mailintake/mailintake.routes.ts';
import { MAX_MAIL_STANDAARD, mailintakeService } from './modules/mailintake/mailintake.service.ts';
import { alleenBewaren } from './modules/demo/demo.zaken.ts';
import { pcRepository } from './modules/planning-control/pc.repository.ts';
import { pcRoutes } from './modules/planning-control/pc.routes.ts';
import { klantreizenRoutes } from './modules/klantreizen/klantreizen.routes.ts';
import { klantreizenKpis } from './modules/klantreizen/klantreizen.kpi.ts';
import { klantreizenRepository } from './modules/klantreizen/klantreizen.repository.ts';
import { klantreizenService } from './modules/klantreizen/klantreizen.service.ts';
import { pcBerekendService } from './modules/planning-control/pc.berekend.service.ts';
import { pcPubliekRoutes } from './modules/planning-control/pc.publiek.routes.ts';
import { pcService } from './modules/planning-control/pc.service.ts';
import { servicenormenRoutes } from './modules/servicenormen/servicenormen.routes.ts';
import { servicenormenService } from './modules/servicenormen/servicenormen.service.ts';
import { formulierTokens } from './modules/zaakvolgen/zaakvolgen.formulier.ts';
import { zaakvolgenRoutes } from './modules/zaakvolgen/zaakvolgen.routes.ts';
import { zaakvolgenService } from './modules/zaakvolgen/zaakvolgen.service.ts';
import { kccGesprekkenRepository } from './modules/kcc/kcc.gesprekken.repository.ts';
import { kccGesprekkenRoutes } from './modules/kcc/kcc.gesprekken.routes.ts';
import { kccKpis } from './modules/kcc/kcc.gesprekken.maten.ts';
import { gemeentegrenzen } from './modules/meldingen/meldingen.grenzen.ts';
import { meldingenRepository } from './modules/meldingen/meldingen.repository.ts';
import { meldingenRoutes } from './modules/meldingen/meldingen.routes.ts';
import { meldingenBehandelingRoutes } from './modules/meldingen/meldingen.behandeling.routes.ts';
import { meldingenKccRoutes } from './modules/meldingen/meldingen.kcc.routes.ts';
import { meldingenPartnerbeheerRoutes } from './modules/meldingen/meldingen.partnerbeheer.routes.ts';
import { meldingPartnerbeheerService } from './modules/meldingen/meldingen.partnerbeheer.service.ts';
import { meldingTermenRepository } from './modules/meldingen/meldingen.termen.repository.ts';
import { meldingTermenService } from './modules/meldingen/meldingen.termen.service.ts';
import { meldingenBehandelingService } from './modules/meldingen/meldingen.behandeling.service.ts';
import { meldingSamenvoegenRoutes } from './modules/meldingen/meldingen.samenvoegen.routes.ts';
import { meldingSamenvoegenService } from './modules/meldingen/meldingen.samenvoegen.service.ts';
import { meldingPartnersRepository } from './modules/meldingen/meldingen.partners.repository.ts';
import { meldingenKaart } from './modules/meldingen/meldingen.kaart.ts';
import { meldingenService } from './modules/meldingen/meldingen.service.ts';
import { open311Routes } from './modules/open311/open311.routes.ts';
import { adressenRepository } from './modules/adressen/adressen.repository.ts';
import { adressenService } from './modules/adressen/adressen.service.ts';
import { gazetteerGeocoder, pdokGeocoder } from './modules/adressen/adressen.geocoder.ts';
import { meldingformulierRepository } from './modules/meldingformulier/meldingformulier.repository.ts';
import { meldingformulierRoutes } from './modules/meldingformulier/meldingformulier.routes.ts';
import { momentopnamen } from './modules/meldingformulier/meldingformulier.momentopname.ts';
import { meldingformulierService } from './modules/meldingformulier/meldingformulier.service.ts';
import { open311Service } from './modules/open311/open311.service.ts';
import { open311SleutelsRepository } from './modules/open311/open311.sleutels.repository.ts';
import { open311SleutelsRoutes } from './modules/open311/open311.sleutels.routes.ts';
import { open311SleutelsService } from './modules/open311/open311.sleutels.service.ts';
import { zakenStandRepository } from './modules/zaken/zaken.stand.repository.ts';
import { kccGesprekkenService } from './modules/kcc/kcc.gesprekken.service.ts';
import { paginafeedbackRepository } from './modules/paginafeedback/paginafeedback.repository.ts';
import { paginafeedbackRoutes } from './modules/paginafeedback/paginafeedback.routes.ts';
import { ktoInstellingenRoutes, ktoRoutes } from './modules/kto/kto.routes.ts';
import { formulierenRepository } from './modules/formulieren/formulieren.repository.ts';
import { formulierenRoutes } from './modules/formulieren/formulieren.routes.ts';
import { formulierenService } from './modules/formulieren/formulieren.service.ts';
import { formulierPaginaRoutes } from './modules/formulieren/formulieren.paginas.ts';
import { ktoService } from './modules/kto/kto.service.ts';
import { ktoKpis } from './modules/kto/kto.kpi.ts';
import { meldingenKpis } from './modules/meldingen/meldingen.kpi.ts';
import { klachtenRepository } from './modules/klachten/klachten.repository.ts';
import { klachtenKpis } from './modules/klachten/klachten.kpi.ts';
import { klachtenPaginaRoutes } from './modules/klachten/klachten.paginas.ts';
import { klachtenRoutes } from './modules/klachten/klachten.routes.ts';
import { klachtenService } from './modules/klachten/klachten.service.ts';
import { paginafeedbackService } from './modules/paginafeedback/paginafeedback.service.ts';
import { enquetesRepository } from './modules/enquetes/enquetes.repository.ts';
import { enquetesService } from './modules/enquetes/enquetes.service.ts';
import { enquetesRoutes } from './modules/enquetes/enquetes.routes.ts';
import { enquetesPaginaRoutes } from './modules/enquetes/enquetes.pagina.routes.ts';
import { ENQUETES_HERINNEREN, startEnqueteHerinneringen } from './modules/enquetes/enquetes.job.ts';
import { contactverzoekenRepository } from './modules/contactverzoeken/contactverzoeken.repository.ts';
import { contactverzoekenRoutes } from './modules/contactverzoeken/contactverzoeken.routes.ts';
import { CONTACTVERZOEKEN_BEWAKEN, contactverzoekenService, type ContactverzoekenDeps } from './modules/contactverzoeken/contactverzoeken.service.ts';
import { contactverzoekenKpis } from './modules/contactverzoeken/contactverzoeken.kpi.ts';
import { startContactverzoekenBewaking } from './modules/contactverzoeken/contactverzoeken.job.ts';
import { kennisbankRepository } from './modules/kennisbank/kennisbank.repository.ts';
import { kennisbankRoutes } from './modules/kennisbank/kennisbank.routes.ts';
import { kennisbankService } from './modules/kennisbank/kennisbank.service.ts';
import { startTermijnbewaking, termijnbewakingCron } from './modules/termijnbewaking/termijnbewaking.job.ts';
import { termijnbewakingRepository } from './modules/termijnbewaking/termijnbewaking.repository.ts';
import { TERMIJNBEWAKING_CONTROLEREN, termijnbewakingService } from './modules/termijnbewaking/termijnbewaking.service.ts';

/** What one process needs to open its wiring once (see openLoketCore). */
export interface LoketCoreOptions {
  config: Config;
  database: Database;
  klok?: Klok | undefined;
  logger: JobsLogger;
  /** Work queued jobs (send mail, deadline watcher, housekeeping) in this process. False: only queue them. */
  werkers: boolean;
  /** Seconds after start before the start round of housekeeping may run (default 60). */
  opruimenNaStartSeconden?: number;
}

/**
 * One process's wiring, made once: one job queue (one pg-boss), the outbox and the services on
 * one database. The HTTP server (createLoket) and every CLI command are built on it.
 */
export interface LoketCore {
  config: Config;
  database: Database;
  klok: Klok;
  berichten: BerichtenService;
  services: LoketServices;
  /** Starts working jobs (mail, the deadline watcher's and housekeeping's schedules), once; nothing without werkers. */
  startWerkers(): Promise<void>;
  /** Stops working jobs: running ones may finish within `timeoutMs` (default 10 s). Nothing is queued after it. */
  stopWerkers(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops the job queue (if stopWerkers did not) and the signals; the database stays open (its owner closes it). */
  close(): Promise<void>;
}

/** Opens the job queue, the outbox and the services once: the composition shared by server and CLI. */
export async function openLoketCore(options: LoketCoreOptions): Promise<LoketCore> {
  const { database, config, logger } = options;
  const klok = options.klok ?? systeemklok;
  // The schedules only where jobs are worked (LOKET_TERMIJNBEWAKING_MINUTEN=0, LOKET_OPRUIMEN_UREN=0:
  // not in this process). Kept in the database: one job per occurrence across every node (ADR 0025).
  const termijnbewakingAan = options.werkers && config.termijnbewakingMinuten > 0;
  const opruimenAan = options.werkers && config.opruimenUren > 0;
  const herinnerenAan = options.werkers && config.herinneringMinuten > 0;
  const kpiRollupsAan = options.werkers && config.kpiRollupMinuten > 0;
  const jobs = await startJobs({
    database,
    logger,
    queues: [BERICHT_VERZENDEN, TERMIJNBEWAKING_CONTROLEREN, CONTACTVERZOEKEN_BEWAKEN, ONDERHOUD_OPRUIMEN, KPI_ROLLUPS, AFSPRAKEN_HERINNEREN, ENQUETES_HERINNEREN],
    oneAtATime: [ONDERHOUD_OPRUIMEN, KPI_ROLLUPS],
    schedules: [
      ...(termijnbewakingAan ? [{ name: TERMIJNBEWAKING_CONTROLEREN, cron: termijnbewakingCron(config.termijnbewakingMinuten) }] : []),
      // Callback requests are watched on the deadline watcher's interval (ADR 0048).
      ...(termijnbewakingAan ? [{ name: CONTACTVERZOEKEN_BEWAKEN, cron: termijnbewakingCron(config.termijnbewakingMinuten) }] : []),
      ...(opruimenAan ? [{ name: ONDERHOUD_OPRUIMEN, cron: opruimenCron(config.opruimenUren) }] : []),
      ...(kpiRollupsAan ? [{ name: KPI_ROLLUPS, cron: cronElkeMinuten(config.kpiRollupMinuten) }] : []),
      // The same "every n minutes" expression as the deadline watcher's.
      ...(herinnerenAan ? [{ name: AFSPRAKEN_HERINNEREN, cron: termijnbewakingCron(config.herinneringMinuten) }] : []),
      // Survey reminders (ADR 0068) on the same interval as appointment reminders.
      ...(herinnerenAan ? [{ name: ENQUETES_HERINNEREN, cron: termijnbewakingCron(config.herinneringMinuten) }] : []),
    ],
  });
  const berichten = berichtenService({ repository: berichtenRepository(database.db), jobs, klok, mailer: config.smtpUrl ? smtpMailer(config.smtpUrl) : undefined, config });
  // Every node hears the changes that make its caches wrong (ADR 0023).
  const signalen = await openSignalen(database, logger);
  const services = loketServices({
    database,
    klok,
    berichten,
    signalen,
    publicUrl: config.publicUrl,
    termijnWaarschuwingWerkdagen: config.termijnWaarschuwingWerkdagen,
    afsprakenPerEmail: config.afsprakenPerEmail,
    logger,
    mailFrom: config.mailFrom,
    mailIntakeMaxBytes: config.mailIntakeMaxBytes,
    geocoding: { soort: config.geocoder, pdokUrl: config.pdokLocatieserverUrl },
    dubbelStraalM: config.meldingDubbelStraalM,
  });
  return {
    config,
    database,
    klok,
    berichten,
    services,
    startWerkers: async () => {
      if (!options.werkers) return;
      await berichten.werk();
      if (termijnbewakingAan) await startTermijnbewaking(jobs, services.termijnbewaking);
      if (termijnbewakingAan) await startContactverzoekenBewaking(jobs, services.contactverzoeken);
      // Retention terms and housekeeping: shortly after start, then every few hours (a failed round is retried).
      if (herinnerenAan) await startHerinneringen(jobs, services.afspraken);
      if (herinnerenAan) await startEnqueteHerinneringen(jobs, services.enquetes, services.gemeenten);
      if (opruimenAan) await startOpruimen(jobs, services.onderhoud, { naStartSeconden: options.opruimenNaStartSeconden ?? 60 });
      // The KPI rollups (ADR 0043): a round after start, then every few minutes; the measures read live where a rollup waits.
      if (kpiRollupsAan) await startKpiRollups(jobs, [services.zakenRollup, ...Object.values(services.kccRollups)]);
    },
    stopWerkers: (stopOptions) => jobs.stop(stopOptions),
    close: async () => {
      await jobs.stop();
      await signalen.close();
    },
  };
}

interface LoketEigenOptions {
  config: Config;
  database: Database;
  klok?: Klok;
  /** Work queued jobs (send mail) in this process; default true. False: only queue them. */
  werkers?: boolean;
}

/**
 * Either the process's wiring, opened by the caller (who starts its workers and closes it), or
 * what createLoket needs to open it itself (then it starts the workers and closes it with the app).
 */
export type LoketOptions = ({ core: LoketCore } | LoketEigenOptions) & {
  logger?: FastifyServerOptions['logger'];
  /**
   * Routes from outside the product, registered on the same stack before ready (each with a
   * `policy`): a benchmark's reference route (bench/meldingen-intake's single-row insert).
   */
  extraRoutes?: (app: FastifyInstance) => void;
};

export interface Loket {
  app: FastifyInstance;
  routes: RouteWithPolicy[];
  services: LoketServices;
  /**
   * Marks this node as stopping (SIGTERM): `/ready` answers 503 from now on, so a load balancer
   * sends new requests elsewhere, and every answer closes its connection. It still serves.
   */
  drain(): void;
  /** True after drain(). */
  draining(): boolean;
  /** Shares this node's rate-limit counts now, as it does every LOKET_RATE_LIMIT_DELEN_MS (ADR 0093). */
  deelRateLimits(): Promise<void>;
  close(): Promise<void>;
}

/** Composition root of the HTTP server: routes on one process's wiring (openLoketCore). Does not listen. */
export async function createLoket(options: LoketOptions): Promise<Loket> {
  const { config, database } = 'core' in options ? options.core : options;
  const db = database.db;
  // Forms shown by one node are sent to another: every node needs the same secret (ADR 0023).
  // Checked first, so a refused node has opened nothing.
  const formulierGeheim = await gedeeldGeheim(db, 'LOKET_FORMULIER_GEHEIM', config.formulierGeheim);
  // The BSN's keyed hash must be the same on every node and after a restart (ADR 0077).
  const bsnGeheim = await gedeeldGeheim(db, 'LOKET_BSN_SLEUTEL', config.bsnSleutel);
  const { app, routes, deelRateLimits } = await createHttpServer({
    config,
    database,
    logger: options.logger,
    // Requests arrive only after ready(), when `authenticate` below exists.
    authenticate: (request) => authenticate(request),
  });
  let core: LoketCore;
  if ('core' in options) {
    core = options.core;
  } else {
    core = await openLoketCore({ config, database, klok: options.klok, logger: app.log, werkers: options.werkers !== false });
    app.addHook('onClose', () => core.close());
  }
  const { klok, services, berichten } = core;
  installIdempotency(app, { db, klok });
  const authenticate = authenticator(services.auth);

  let stopt = false;
  // While stopping, every answer (also of a request that came in before) closes its connection:
  // a client or proxy does not reuse it, and the connection does not keep the process up.
  app.addHook('onSend', async (_request, reply) => {
    if (stopt) void reply.header('connection', 'close');
  });
  gezondheidRoutes(app, { repository: gezondheidRepository(db), migraties: MIGRATIES, stopt: () => stopt });

  app.get(`${API_PREFIX}/openapi.json`, { config: { policy: { toegang: 'publiek' } } }, async () => app.swagger());

  const { gemeenten } = services;
  gemeentenRoutes(app, { gemeenten });
  medewerkersAppRoutes(app, { distDir: `${import.meta.dirname}/../web/staff/dist` });
  portaalRoutes(app, { gemeenten });
  authRoutes(app, { auth: services.auth, gemeenten, rateLimitAanmelden: config.rateLimitAanmelden });
  gebruikersRoutes(app, { gebruikers: services.gebruikers });
  teamsRoutes(app, { teams: services.teams });
  apiTokensRoutes(app, { apiTokens: services.apiTokens });
  auditRoutes(app, { audit: services.auditRepository });
  berichtenRoutes(app, { berichten, audit: services.audit });
  termijnenRoutes(app, { termijnen: services.termijnen });
  bezwaarRoutes(app, { bezwaar: services.bezwaar });
  zaaktypenRoutes(app, { zaaktypen: services.zaaktypen });
  productenRoutes(app, { producten: services.producten, gemeenten });
  afsprakenRoutes(app, { afspraken: services.afspraken });
  afsprakenInrichtingRoutes(app, { inrichting: services.afsprakenInrichting });
  zakenRoutes(app, { zaken: services.zaken });
  brievenRoutes(app, { brieven: services.brieven });
  klachtenRoutes(app, { klachten: services.klachten });
  klachtenPaginaRoutes(app, { klachten: services.klachten, gemeenten, tokens: formulierTokens(formulierGeheim, klok), klok, rateLimit: config.rateLimitAanmelden });
  bezwaarProcedureRoutes(app, { procedure: services.bezwaarProcedure });
  bezwaarPaginaRoutes(app, { procedure: services.bezwaarProcedure, gemeenten, tokens: formulierTokens(formulierGeheim, klok), klok, rateLimit: config.rateLimitAanmelden });
  kpiRoutes(app, { kpi: services.kpi, gemeenten });
  klantcontactenRoutes(app, { klantcontacten: services.klantcontacten });
  klantreizenRoutes(app, { klantreizen: services.klantreizen });
  mailintakeRoutes(app, { mailintake: services.mailintake });
  contactverzoekenRoutes(app, { contactverzoeken: services.contactverzoeken });
  kennisbankRoutes(app, { kennisbank: services.kennisbank });
  pcRoutes(app, { pc: services.pc, berekend: services.pcBerekend });
  pcPubliekRoutes(app, { pc: services.pc, gemeenten });
  kccGesprekkenRoutes(app, { gesprekken: services.kccGesprekken });
  servicenormenRoutes(app, { servicenormen: services.servicenormen, gemeenten });
  meldingenRoutes(app, { meldingen: services.meldingen, kaart: services.meldingenKaart });
  meldingenBehandelingRoutes(app, { behandeling: services.meldingenBehandeling, meldingen: services.meldingen, kaartTegels: config.kaartTegels });
  meldingSamenvoegenRoutes(app, { samenvoegen: services.meldingSamenvoegen });
  meldingenKccRoutes(app, { formulier: services.meldingformulier, meldingen: services.meldingen, behandeling: services.meldingenBehandeling });
  meldingenPartnerbeheerRoutes(app, { partnerbeheer: services.meldingPartnerbeheer });
  open311SleutelsRoutes(app, { sleutels: services.open311Sleutels });
  open311Routes(app, { open311: services.open311 });
  meldingformulierRoutes(app, {
    gemeenten,
    formulier: services.meldingformulier,
    rateLimit: config.rateLimitAanmelden,
    kaartTegels: config.kaartTegels,
    midden: (gemeente) => services.grenzen.midden(gemeente),
    momentopnamen: momentopnamen(formulierTokens(formulierGeheim, klok)),
  });
  paginafeedbackRoutes(app, { paginafeedback: services.paginafeedback, rateLimit: config.rateLimitAanmelden });
  ktoRoutes(app, { kto: services.kto, gemeenten, rateLimit: config.rateLimitAanmelden });
  ktoInstellingenRoutes(app, { kto: services.kto });
  enquetesRoutes(app, { enquetes: services.enquetes, gemeenten });
  enquetesPaginaRoutes(app, { enquetes: services.enquetes, gemeenten, rateLimit: config.rateLimitAanmelden });
  formulierenRoutes(app, { formulieren: services.formulieren, zaken: services.zaken });
  // Resident login and "Mijn zaken" (ADR 0077): a broker per gemeente, else the installation's.
  const inwoners = inwonersService({
    repository: inwonersRepository(db),
    klok,
    berichten,
    audit: services.audit,
    publicUrl: config.publicUrl,
    sleutel: bsnGeheim,
    oidc: (gemeente) => config.inwonerLoginPerGemeente[gemeente] ?? config.inwonerLogin,
  });
  formulierPaginaRoutes(app, {
    formulieren: services.formulieren,
    gemeenten,
    rateLimit: config.rateLimitAanmelden,
    inwoner: (request, gemeente) => inwoners.inwoner(gemeente, request.cookies[INWONER_COOKIE]),
  });
  zaakvolgenRoutes(app, {
    gemeenten,
    zaakvolgen: services.zaakvolgen,
    tokens: formulierTokens(formulierGeheim, klok),
    rateLimitReacties: config.rateLimitAanmelden,
    kto: services.kto,
  });
  afspraakPaginaRoutes(app, {
    gemeenten,
    afspraken: services.afspraken,
    producten: services.producten,
    tokens: formulierTokens(formulierGeheim, klok),
    klok,
    rateLimit: config.rateLimitAanmelden,
    maxPerEmail: config.afsprakenPerEmail,
  });
  inwonersRoutes(app, {
    gemeenten,
    inwoners,
    zaken: services.zaken,
    zaakvolgen: services.zaakvolgen,
    tokens: formulierTokens(formulierGeheim, klok),
    rateLimitReacties: config.rateLimitAanmelden,
    demo: config.inwonerLoginDemo,
    rateLimit: config.rateLimitAanmelden,
  });
  apiDocsRoutes(app);
  options.extraRoutes?.(app);

  if (!('core' in options)) await core.startWerkers();
  await app.ready();
  return {
    app,
    routes,
    services,
    drain: () => {
      stopt = true;
    },
    draining: () => stopt,
    deelRateLimits,
    close: () => app.close(),
  };
}

/** The services on one database, shared by the HTTP server and the CLI. */
export function loketServices(deps: {
  database: Database;
  klok: Klok;
  berichten: Berichten;
  signalen: Signalen;
  publicUrl: string;
  termijnWaarschuwingWerkdagen?: number;
  /** Open appointments one e-mail address may hold per gemeente (LOKET_AFSPRAKEN_PER_EMAIL). */
  afsprakenPerEmail?: number;
  logger?: JobsLogger;
  /** MAIL_FROM (the Message-IDs of answers in a thread) and the intake's largest message (ADR 0046). */
  mailFrom?: string;
  mailIntakeMaxBytes?: number;
  /** Geocoding of the melding form (ADR 0054); default the local gazetteer. */
  geocoding?: { soort: 'lokaal' | 'pdok'; pdokUrl: string };
  /** Duplicates of a melding within this many metres (LOKET_MELDING_DUBBEL_STRAAL_M). */
  dubbelStraalM?: number;
}) {
  const { klok, signalen } = deps;
  const { db, lezen } = deps.database;
  const gemeenten = gemeentenRepository(db, signalen);
  const auditRepo = auditRepository(db);
  const audit = auditService({ repository: auditRepo, klok });
  const auth = authService({ repository: authRepository(db), audit, klok, signalen });
  const gebruikersRepo = gebruikersRepository(db);
  const teamsRepo = teamsRepository(db);
  const pc = pcService({ repository: pcRepository(db, lezen), gemeenten, audit, klok });
  const sluitingsdagenRepo = sluitingsdagenRepository(db);
  const termijnen = termijnenService({ repository: sluitingsdagenRepo, gemeenten, audit, klok, signalen });
  const zaaktypenRepo = zaaktypenRepository(db, lezen, signalen);
  const brievenRepo = brievenRepository(db);
  const zakenRepo = zakenRepository(db, lezen, signalen);
  const onderhoudRepo = onderhoudRepository(db);
  const zaaktypeBestaat = async (gemeente: string, code: string) => (await zaaktypenRepo.hoogsteVersie(gemeente, code)) !== undefined;
  const productenRepo = productenRepository(db, lezen);
  const producten = productenService({
    repository: productenRepo,
    gemeenten,
    zaaktypeBestaat,
    audit,
    klok,
  });
  // The question after closing (ADR 0052): called by the zaken service inside each closing.
  // A "nee" on a melding within 14 days of closing makes a reopen request (ADR 0074), in the answer's transaction.
  const kto = ktoService({ db, klok, publicUrl: deps.publicUrl, audit, zaaktypeBestaat, naAntwoord: (vraag, antwoord, op) => meldingSamenvoegen.naKtoAntwoord(systeemContext(), vraag, antwoord, op) });
  const zakenDeps: ZakenDeps = {
    repository: zakenRepo,
    zaaktypen: zaaktypenRepo,
    gemeenten,
    berichten: deps.berichten,
    audit,
    klok,
    sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente),
    publicUrl: deps.publicUrl,
    naAfsluiten: kto.naAfsluiten,
    // Residents following a melding get its progress mails (ADR 0055).
    volgers: (gemeente, zaakId, transactie) => meldingenRepository(db).volgers(gemeente, zaakId, transactie),
    // A bezwaar registered through its procedure (ADR 0063): its term moves and it closes only through the procedure's steps.
    procedureVan: bezwaarProcedureVan,
  };
  const zaken = zakenService(zakenDeps);
  // Meldingen openbare ruimte (ADR 0040) are zaken, registered through the zaken service; Open311 on top (ADR 0041).
  const meldingenRepo = meldingenRepository(db, lezen);
  const grenzen = gemeentegrenzen();
  const meldingen = meldingenService({ repository: meldingenRepo, zaken, stand: zakenStandRepository(lezen), grenzen, audit, klok, signalen });
  // Merging duplicates and reopen requests (ADR 0074), through the zaken service.
  const meldingSamenvoegen = meldingSamenvoegenService({ db, repository: meldingenRepo, meldingen, zaken, berichten: deps.berichten, audit, klok });
  const meldingenKaartCache = meldingenKaart({ signalen, openbaar: (box, limit) => meldingen.openbaar(box, limit) });
  // Addresses for the melding form (ADR 0054): the local gazetteer, or PDOK Locatieserver in production.
  const adressenRepo = adressenRepository(db);
  const geocoder = deps.geocoding?.soort === 'pdok' ? pdokGeocoder({ url: deps.geocoding.pdokUrl }) : gazetteerGeocoder(adressenRepo);
  const adressen = adressenService({ repository: adressenRepo, gemeenten, audit, klok });
  // The resident's melding form (ADR 0055): concepts between its steps, sent through the meldingen service.
  const meldingformulierRepo = meldingformulierRepository(db);
  // The category suggestion learns from closed meldingen (ADR 0075): terms rebuilt by the housekeeping job.
  const meldingTermen = meldingTermenService({ repository: meldingTermenRepository(db), audit, klok });
  const meldingformulier = meldingformulierService({ repository: meldingformulierRepo, meldingen, geocoder, grenzen, klok, dubbelStraalM: deps.dubbelStraalM, termen: meldingTermen });
  const open311Sleutels = open311SleutelsService({ repository: open311SleutelsRepository(db, signalen), audit, klok });
  const klantcontactenRepo = klantcontactenRepository(db, lezen);
  const klantcontacten = klantcontactenService({ repository: klantcontactenRepo, zaken, audit, klok });
  // E-mail intake (ADR 0046): a message becomes a klantcontact and a zaak through those services.
  const mailintake = mailintakeService({
    repository: mailintakeRepository(db),
    zaken,
    klantcontacten,
    gemeenten,
    berichten: deps.berichten,
    audit,
    klok,
    mailFrom: deps.mailFrom ?? MAIL_FROM_STANDAARD,
    maxBytes: deps.mailIntakeMaxBytes ?? MAX_MAIL_STANDAARD,
  });
  // Callback requests (ADR 0048); a request links to a klantcontact by id.
  const contactverzoekenDeps: ContactverzoekenDeps = {
    repository: contactverzoekenRepository(db, lezen),
    teams: teamsRepo,
    medewerkers: termijnbewakingRepository(db),
    gemeenten,
    berichten: deps.berichten,
    audit,
    klok,
    sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente),
    klantcontactBestaat: async (gemeente, id) => (await klantcontactenRepo.opId(gemeente, id)) !== undefined,
    publicUrl: deps.publicUrl,
  };
  const contactverzoeken = contactverzoekenService(contactverzoekenDeps);
  // The knowledge base (ADR 0049); its search and lists read on `lezen`.
  const kennisbankRepo = kennisbankRepository(db, lezen);
  const kennisbank = kennisbankService({ repository: kennisbankRepo, teams: teamsRepo, berichten: deps.berichten, audit, klok, publicUrl: deps.publicUrl });
  const afsprakenRepo = afsprakenRepository(db, lezen);
  const afspraken = afsprakenService({
    repository: afsprakenRepo,
    producten: productenRepo,
    gemeenten,
    sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente),
    berichten: deps.berichten,
    audit,
    klok,
    publicUrl: deps.publicUrl,
    maxPerEmail: deps.afsprakenPerEmail ?? 3,
  });
  // Forms that become zaken (ADR 0064), through the zaken service.
  const formulierenRepo = formulierenRepository(db);
  const formulieren = formulierenService({ db, repository: formulierenRepo, zaaktypen: zaaktypenRepo, zaken, berichten: deps.berichten, audit, klok, publicUrl: deps.publicUrl });
  // The call records of the telephony platform (ADR 0031); its repository reads the measures on `lezen`.
  const paginafeedback = paginafeedbackService({ repository: paginafeedbackRepository(db, lezen), gemeenten, audit, klok, signalen });
  // The inwonerspanel and its surveys (ADR 0068).
  const enquetes = enquetesService({ repository: enquetesRepository(db), berichten: deps.berichten, audit, klok, publicUrl: deps.publicUrl });
  // The day rollups of the KCC measures (ADR 0066): written by the rollup job, read by the measures on `lezen` when current.
  const rollupRepo = kpiRollupRepository(db, lezen);
  const kccRollups = {
    gesprekken: dagRollup({ naam: KCC_GESPREKKEN, repository: rollupRepo, bouwer: kccGesprekkenBouwer, klok }),
    klantcontacten: dagRollup({ naam: KLANTCONTACTEN, repository: rollupRepo, bouwer: klantcontactenBouwer, klok }),
    contactverzoeken: dagRollup({ naam: CONTACTVERZOEKEN, repository: rollupRepo, bouwer: contactverzoekenBouwer, klok }),
  };
  const kccGesprekkenRepo = kccGesprekkenRepository(db, lezen);
  const kccGesprekken = kccGesprekkenService({
    repository: kccGesprekkenRepo,
    gemeenten,
    audit,
    klok,
    rollup: { dagRollup: kccRollups.gesprekken, repository: kccGesprekkenRollupRepository(lezen) },
  });
  const termijnbewaking = termijnbewakingService({
    repository: termijnbewakingRepository(db),
    zaken,
    gemeenten,
    berichten: deps.berichten,
    audit,
    klok,
    sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente),
    werkdagen: deps.termijnWaarschuwingWerkdagen ?? 2,
  });
  // The zaken rollup by closing day (ADR 0043): written by the rollup job, read by the measures on `lezen`.
  const zakenRollup = zakenKpiRollup({ repository: zakenKpiRollupRepository(db, lezen), klok, sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente) });
  // The register of measures (ADR 0029): each module adds its list here.
  // P&C indicators computed from the KPI register (ADR 0079); `kpi` is made just below.
  const pcBerekend = pcBerekendService({ pc, kpi: { waarde: (gemeente, code, periode) => kpi.waarde(gemeente, code, { periodeVan: periode.van, periodeTot: periode.tot }) } });
  const kpi = kpiService({
    // Reads on `lezen`: the replica inside request.lees (the servicenormen page), the primary elsewhere.
    repository: kpiRepository(db, lezen),
    maten: [...zakenKpis(lezen, zakenRollup), ...klantcontactenKpis(lezen, kccRollups.klantcontacten), ...contactverzoekenKpis(lezen, kccRollups.contactverzoeken), ...ktoKpis(lezen), ...meldingenKpis(lezen), ...klachtenKpis(lezen), ...bezwaarKpis(lezen), ...afsprakenKpis(lezen), ...klantreizenKpis(lezen), ...kccKpis(kccGesprekken.maten)],
    sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente),
    zaaktypeBestaat,
    audit,
    klok,
    meldFout: (fout, kpi) => deps.logger?.error({ err: fout, kpi }, 'KPI-berekening mislukt'),
  });
  return {
    gemeenten,
    auditRepository: auditRepo,
    audit,
    auth,
    gebruikers: gebruikersService({ repository: gebruikersRepo, audit, klok, beeindigSessies: auth.beeindigSessies, berichten: deps.berichten }),
    teams: teamsService({ repository: teamsRepo, audit, klok }),
    onderhoud: onderhoudService({ repository: onderhoudRepo, audit, klok, embedded: deps.database.kind === 'pglite', gemeenten, zaken, klantcontacten, paginafeedback, kto, enquetes, formulieren, mailintake, contactverzoeken, afspraken, meldingformulier: meldingformulierRepo, meldingen, inwoners: { verwijderVerlopen: () => inwonersRepository(db).verwijderVerlopen(klok.nu().toISOString(), new Date(klok.nu().getTime() - 24 * 60 * 60 * 1000).toISOString()) }, meldingTermen }),
    demo: demoService({
      analyseer: onderhoudRepo.analyseer,
      gemeenten,
      gebruikers: gebruikersRepo,
      teams: teamsRepo,
      sluitingsdagen: sluitingsdagenRepo,
      zaaktypen: zaaktypenRepo,
      meldingen: meldingenRepo,
      meldingPartners: meldingPartnersRepository(db),
      audit,
      klok,
      pc,
      pcBerekend,
      kpi,
      mailintake,
      kennisbank: kennisbankRepo,
      producten: productenRepo,
      afspraken: afsprakenRepo,
      kto,
      adressen,
      formulieren: formulierenRepo,
      kcc: {
        gesprekken: kccGesprekken,
        aantalGesprekken: kccGesprekkenRepo.aantal,
        klantcontacten,
        contactverzoeken: (demoKlok) => contactverzoekenService({ ...contactverzoekenDeps, klok: demoKlok, berichten: alleenBewaren(berichtenRepository(db), demoKlok) }),
      },
      panel: (demoKlok, demoBerichten) => enquetesService({ repository: enquetesRepository(db), berichten: demoBerichten, audit, klok: demoKlok, publicUrl: deps.publicUrl }),
      zakenOpKlok: (demoKlok) => zakenService({ ...zakenDeps, klok: demoKlok, berichten: alleenBewaren(berichtenRepository(db), demoKlok) }),
      bezwaren: {
        opKlok: (demoKlok) => {
          const opKlok = zakenService({ ...zakenDeps, klok: demoKlok, berichten: alleenBewaren(berichtenRepository(db), demoKlok) });
          return {
            zaken: opKlok,
            bezwaar: bezwaarProcedure({ db, zaken: opKlok, gemeenten, teams: teamsRepo, klok: demoKlok, briefWoorden: (gemeente, taal, d) => briefWoorden(brievenRepo, gemeente, taal, 'bezwaar', d) }),
            klachten: klachtenService({ db, repository: klachtenRepository(db), zaken: opKlok, gemeenten, zaaktypen: zaaktypenRepo, sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente), briefWoorden: (gemeente, taal, d) => briefWoorden(brievenRepo, gemeente, taal, 'klachten', d), audit, klok: demoKlok }),
          };
        },
        aantalBezwaren: (gemeente) => bezwaarRepository(db).aantal(gemeente),
      },
    }),
    apiTokens: apiTokensService({ repository: apiTokensRepository(db), audit, klok }),
    termijnen,
    bezwaar: bezwaarService({ klok }),
    zaaktypen: zaaktypenService({ repository: zaaktypenRepo, audit, klok }),
    zaken,
    brieven: brievenService({ zaken, klok, repository: brievenRepo, audit }),
    // Klachten (Awb titel 9.1, ADR 0060): zaken of type klacht, their steps through the zaken service.
    klachten: klachtenService({ db, repository: klachtenRepository(db), zaken, gemeenten, zaaktypen: zaaktypenRepo, sluitingsdagen: (gemeente) => termijnen.sluitingsdagen(gemeente), briefWoorden: (gemeente, taal, d) => briefWoorden(brievenRepo, gemeente, taal, 'klachten', d), audit, klok }),
    bezwaarProcedure: bezwaarProcedure({ db, zaken, gemeenten, teams: teamsRepo, klok, briefWoorden: (gemeente, taal, d) => briefWoorden(brievenRepo, gemeente, taal, 'bezwaar', d) }),
    kpi,
    zakenRollup,
    kccRollups,
    servicenormen: servicenormenService({ kpi, zaaktypen: zaaktypenRepo, klok }),
    klantcontacten,
    mailintake,
    contactverzoeken,
    kennisbank,
    termijnbewaking,
    zaakvolgen: zaakvolgenService({ zaken, beloofdeDatum: termijnbewaking.beloofdeDatum }),
    pc,
    pcBerekend,
    klantreizen: klantreizenService({ zaken, klantcontacten, repository: klantreizenRepository(lezen), audit, klok }),
    kccGesprekken,
    meldingen,
    meldingenKaart: meldingenKaartCache,
    adressen,
    geocoder,
    grenzen,
    meldingformulier,
    meldingformulierRepository: meldingformulierRepo,
    // Staff and partners of meldingen (ADR 0056).
    meldingTermen,
    meldingPartnerbeheer: meldingPartnerbeheerService({ db, meldingen, audit }),
    meldingenBehandeling: meldingenBehandelingService({ db, repository: meldingenRepo, meldingen, zaken, berichten: deps.berichten, audit, klok, publicUrl: deps.publicUrl }),
    open311Sleutels,
    meldingSamenvoegen,
    open311: open311Service({ gemeenten, meldingen, samengevoegd: meldingSamenvoegen.hoofdVan, sleutels: open311Sleutels, klok, publicUrl: deps.publicUrl }),
    paginafeedback,
    producten,
    afspraken,
    afsprakenInrichting: afsprakenInrichtingService({ repository: afsprakenInrichtingRepository(db), producten: productenRepo, gemeenten, audit, klok }),
    kto,
    enquetes,
    formulieren,
  };
}

export type LoketServices = ReturnType<typeof loketServices>;
