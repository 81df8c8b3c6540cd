/**
 * The part of `oidc-provider` (9.x, which ships no types) that the demo provider uses
 * (demo-provider.ts). Kept small on purpose: only what is called.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Grant {
    jti: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  interface GrantConstructor {
    new (opties: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }
  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    oidc: {
      provider: { Grant: GrantConstructor };
      client?: { clientId: string } | undefined;
      session?: { accountId?: string | undefined; grantIdFor(clientId: string, grantId?: string): string | undefined; ensureClientContainer(clientId: string): void } | undefined;
      params?: Record<string, unknown> | undefined;
    };
  }
  export interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export interface Configuration {
    adapter: new (model: string) => unknown;
    clients: Record<string, unknown>[];
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    scopes: string[];
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    pkce: { required: () => boolean };
    features: Record<string, { enabled: boolean }>;
    interactions: { url: (ctx: KoaContextWithOIDC, interaction: { uid: string }) => string };
    ttl: Record<string, number>;
    findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
    loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    renderError(ctx: KoaContextWithOIDC, out: Record<string, unknown>, error: unknown): Promise<void>;
  }
  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, opties?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
