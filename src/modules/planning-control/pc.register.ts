/**
 * The P&C register on a database, without the rest of Loket: what a command that needs no job
 * queue (`loket pc import`, `loket pc export`) builds instead of the whole wiring (ADR 0035). The
 * server builds the same service in loketServices (src/server.ts).
 */
import type { Database } from '../../db/database.ts';
import { systeemklok, type Klok } from '../../klok.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { auditService } from '../audit/audit.service.ts';
import { gemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { pcRepository } from './pc.repository.ts';
import { pcService } from './pc.service.ts';

export function pcRegister(cli: { database: Database }, klok: Klok = systeemklok) {
  const { db, lezen } = cli.database;
  const gemeenten = gemeentenRepository(db);
  return { gemeenten, service: pcService({ repository: pcRepository(db, lezen), gemeenten, audit: auditService({ repository: auditRepository(db), klok }), klok }) };
}
