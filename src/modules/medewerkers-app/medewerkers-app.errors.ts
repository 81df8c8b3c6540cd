import { ProblemError } from '../../http/problem.ts';

export const nietGebouwd = (): ProblemError =>
  new ProblemError(503, 'medewerkers-app-niet-gebouwd', 'Medewerkers-app niet gebouwd', {
    detail: 'De medewerkers-app is nog niet gebouwd. Voer eerst `npm run build` uit en laad de pagina dan opnieuw.',
  });
