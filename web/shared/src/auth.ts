import type Keycloak from 'keycloak-js'

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
  /** The access token, refreshed when it has less than 30 s left; null when signed out. */
  token(): Promise<string | null>
  signedIn(): boolean
  login(redirectTo?: string): Promise<void>
  logout(): Promise<void>
}

/** Whether this page load is Keycloak's redirect back with an authorization code (or an error) in the fragment. */
export function isSignInCallback(hash: string): boolean {
  return /[#&]state=/.test(hash) && /[#&](code|error)=/.test(hash)
}

async function started(o: AuthOptions): Promise<Keycloak> {
  // loaded on demand: a signed-out citizen's first screen does not download the sign-in library (docs/web.md)
  const { default: KeycloakClass } = await import('keycloak-js')
  const keycloak = new KeycloakClass({ url: o.url ?? window.location.origin, realm: o.realm, clientId: o.clientId })
  await keycloak.init({
    onLoad: o.required ? 'login-required' : undefined,
    pkceMethod: 'S256',
    // no login-status iframe and no third-party-cookie probe: tokens are refreshed with the refresh token
    checkLoginIframe: false,
    responseMode: 'fragment',
  })
  return keycloak
}

export async function createAuth(o: AuthOptions): Promise<Auth> {
  let keycloak: Keycloak | null = o.required || isSignInCallback(window.location.hash) ? await started(o) : null
  const base = window.location.pathname.split('/').slice(0, 2).join('/') + '/'
  return {
    async token() {
      if (!keycloak?.authenticated) return null
      try {
        await keycloak.updateToken(30)
      } catch {
        return null
      }
      return keycloak.token ?? null
    },
    signedIn: () => !!keycloak?.authenticated,
    async login(redirectTo) {
      keycloak ??= await started(o)
      await keycloak.login({ redirectUri: redirectTo ?? window.location.href, locale: 'zh-CN' })
    },
    async logout() {
      await keycloak?.logout({ redirectUri: window.location.origin + base })
    },
  }
}
