// The `loket` command line. It calls the same services as the API (no SQL of its own).
import { Command, CommanderError } from 'commander';
import { ProblemError } from '../http/problem.ts';
import { GebruiksFout } from './cli.shared.ts';
import { enqueteCommando } from './enquete.command.ts';
import { gemeenteCommando } from './gemeente.command.ts';
import { gebruikerCommando } from './gebruiker.command.ts';
import { kccCommando } from './kcc.command.ts';
import { mailCommando } from './mail.command.ts';
import { opruimenCommando } from './opruimen.command.ts';
import { pcCommando } from './pc.command.ts';
import { demoCommando, migrateCommando, serveCommando } from './serve.command.ts';
import { termijnCommando } from './termijn.command.ts';
import { bezwaarCommando, klachtCommando } from './bezwaar.command.ts';
import { kpiCommando } from './kpi.command.ts';
import { open311Commando } from './open311.command.ts';
import { adressenCommando } from './adressen.command.ts';

const program = new Command('loket')
  .description('Loket: dienstverlening voor gemeenten. Configuratie via omgevingsvariabelen (zie README).')
  .exitOverride()
  .showHelpAfterError(false)
  .configureOutput({ outputError: () => undefined });

program.addCommand(serveCommando());
program.addCommand(migrateCommando());
program.addCommand(demoCommando());
program.addCommand(gemeenteCommando());
program.addCommand(gebruikerCommando());
program.addCommand(opruimenCommando());
program.addCommand(termijnCommando());
program.addCommand(bezwaarCommando());
program.addCommand(klachtCommando());
program.addCommand(pcCommando());
program.addCommand(kpiCommando());
program.addCommand(kccCommando());
program.addCommand(open311Commando());
program.addCommand(adressenCommando());
program.addCommand(enqueteCommando());
program.addCommand(mailCommando());
// Every (sub)command reports its errors here, however deep (`loket kcc gesprekken import`).
const stil = (command: Command): void => {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput({ outputError: () => undefined });
    stil(sub);
  }
};
stil(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') process.exit(0);
    if (error.code === 'commander.executeSubCommandAsync') process.exit(1);
    process.stderr.write(`loket: ${error.message.replace(/^error: /, '').split('\n')[0]}\n`);
    process.exit(2);
  }
  if (error instanceof GebruiksFout) {
    process.stderr.write(`loket: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof ProblemError) {
    const reden = error.invalidParams?.map((p) => `${p.name}: ${p.reason}`).join('; ') ?? error.detail ?? error.title;
    process.stderr.write(`loket: ${reden}\n`);
    process.exit(1);
  }
  process.stderr.write(`loket: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
