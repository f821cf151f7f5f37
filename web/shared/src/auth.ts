import Keycloak from 'keycloak-js'

/**
 * Sign-in with Keycloak (authorization code + PKCE S256) through the gateway's one public entry
 * point: the gateway passes /realms/{staff,citizen}/protocol/openid-connect/* to Keycloak
 * (KeycloakRoutes), so the app needs no second origin and no CORS for the token exchange.
 */
export interface AuthOptions {
  realm: 'staff' | 'citizen'
  clientId: string
  /** Sign in before anything shows (the console); the citizen app reads public pages signed out. */
  required: boolean
  /** Keycloak's base URL; the gateway's own origin by default. */
  url?: string
}

export interface Auth {
  keycloak: Keycloak
  /** The access token, refreshed when it has less than 30 s left; null when signed out. */
  token(): Promise<string | null>
  signedIn(): boolean
  login(redirectTo?: string): Promise<void>
  logout(): Promise<void>
}

export async function createAuth(o: AuthOptions): Promise<Auth> {
  const keycloak = new Keycloak({ url: o.url ?? window.location.origin, realm: o.realm, clientId: o.clientId })
  await keycloak.init({
    onLoad: o.required ? 'login-required' : undefined,
    pkceMethod: 'S256',
    // no login-status iframe and no third-party-cookie probe: tokens are refreshed with the refresh token
    checkLoginIframe: false,
    responseMode: 'fragment',
    locale: 'zh-CN',
  } as Parameters<Keycloak['init']>[0])
  return {
    keycloak,
    async token() {
      if (!keycloak.authenticated) return null
      try {
        await keycloak.updateToken(30)
      } catch {
        return null
      }
      return keycloak.token ?? null
    },
    signedIn: () => !!keycloak.authenticated,
    login: (redirectTo) => keycloak.login({ redirectUri: redirectTo ?? window.location.href, locale: 'zh-CN' }),
    logout: () => keycloak.logout({ redirectUri: window.location.origin + window.location.pathname.split('/').slice(0, 2).join('/') + '/' }),
  }
}
