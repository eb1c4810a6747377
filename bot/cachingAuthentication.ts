import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { LruCache } from '../core/lruCache';

// botbuilder does not re-export these connector types; deriving them keeps botframework-connector
// (a transitive package) out of our imports.
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

// The claim names botframework-connector's getAppId reads (AuthenticationConstants.AudienceClaim
// and .AppIdClaim), in the same order, so our cache key names the app id its factory uses.
const AUDIENCE_CLAIM = 'aud';
const APP_ID_CLAIM = 'appid';

export interface ClientReuseLimits {
  /** Most ConnectorClients kept (one per app id, serviceUrl and audience); default 64. */
  maxConnectorClients?: number;
  /** Most UserTokenClients kept (one per app id); default 8. */
  maxUserTokenClients?: number;
}

/**
 * ConfigurationBotFrameworkAuthentication that reuses its outbound clients. botbuilder builds a
 * new ConnectorClient (a full HTTP pipeline) and a new UserTokenClient for every turn, which
 * costs more CPU than a short dialog turn itself. Reuse is safe: the clients hold only their
 * base URL, options and a credentials object, and credentials fetch and cache their tokens
 * themselves (AppCredentials keeps a process-wide token cache keyed by app id and scope).
 * Validating the incoming JWT still happens on every request: only what authenticateRequest
 * builds after the check is shared.
 */
export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients: LruCache<string, Promise<ConnectorClient>>;
  private readonly userTokenClients: LruCache<string, Promise<UserTokenClient>>;

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions, limits: ClientReuseLimits = {}) {
    super(options);
    this.connectorClients = new LruCache(limits.maxConnectorClients ?? 64);
    this.userTokenClients = new LruCache(limits.maxUserTokenClients ?? 8);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(factory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = JSON.stringify([appIdOf(claimsIdentity)]);
    return this.remember(this.userTokenClients, key, () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      // botframework-connector treats a null and an undefined audience alike (its default
      // scope) but '' as itself, hence `?? null` and a JSON key that keeps '' apart.
      create: (serviceUrl: string, audience?: string) =>
        this.remember(this.connectorClients, JSON.stringify([appId, serviceUrl, audience ?? null]), () => factory.create(serviceUrl, audience)),
    };
  }

  /** Shares one pending creation between concurrent first turns; a failed one is not kept. */
  private remember<V>(cache: LruCache<string, Promise<V>>, key: string, create: () => Promise<V>): Promise<V> {
    const known = cache.get(key);
    if (known) return known;
    const created = create();
    cache.set(key, created);
    created.catch(() => cache.deleteIf(key, created));
    return created;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string | null {
  return claimsIdentity.getClaimValue(AUDIENCE_CLAIM) ?? claimsIdentity.getClaimValue(APP_ID_CLAIM);
}
