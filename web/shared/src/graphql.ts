import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core'
import type { Client as WsClient } from 'graphql-ws'

/**
 * One GraphQL client for both apps: queries and mutations over HTTP POST to the gateway's
 * /graphql, subscriptions over its WebSocket (graphql-transport-ws) on the same path. A browser
 * cannot set headers on a WebSocket, so the token goes in the connection_init payload, which the
 * gateway checks like a request's Authorization header (SocketSignIn, ADR 0025).
 */
export function createGraphQl(token: () => Promise<string | null>, base: string = window.location.origin): Client {
  // graphql-ws is loaded with the first subscription: a first screen that follows nothing live does not download it (docs/web.md)
  let ws: Promise<WsClient> | null = null
  const socket = () => ws ??= import('graphql-ws').then(({ createClient }) => createClient({
    url: base.replace(/^http/, 'ws') + '/graphql',
    lazy: true,
    retryAttempts: 5,
    connectionParams: async () => {
      const t = await token()
      return t ? { Authorization: `Bearer ${t}` } : {}
    },
  }))
  return new Client({
    url: base + '/graphql',
    // 'network-only' by default: staff screens show what the server holds now (another window may have acted)
    requestPolicy: 'network-only',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' }
          return {
            subscribe(sink) {
              let unsubscribe: (() => void) | null = null
              let cancelled = false
              socket().then((c) => { if (!cancelled) unsubscribe = c.subscribe(input, sink) }, (e: unknown) => sink.error(e))
              return { unsubscribe: () => { cancelled = true; unsubscribe?.() } }
            },
          }
        },
      }),
    ],
    fetchOptions: () => ({ headers: {} }),
    fetch: async (url, init) => {
      const t = await token()
      const headers = new Headers(init?.headers)
      if (t) headers.set('Authorization', `Bearer ${t}`)
      return fetch(url, { ...init, headers })
    },
  })
}
