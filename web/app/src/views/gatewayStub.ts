import { Client, fetchExchange } from '@urql/core'

/**
 * For the views' tests: the gateway as a stand-in fetch, each request's operation and variables recorded, answered by
 * the test. Not imported by the app.
 */
export function gateway(answer: (body: { query: string; variables: Record<string, unknown> }) => unknown) {
  const calls: { query: string; variables: Record<string, unknown> }[] = []
  const client = new Client({
    url: 'http://gateway.test/graphql', exchanges: [fetchExchange], requestPolicy: 'network-only', preferGetMethod: false,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body))
      calls.push(body)
      return new Response(JSON.stringify({ data: answer(body) }), { headers: { 'content-type': 'application/json' } })
    },
  })
  return { client, calls }
}
