import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Client } from '@urql/core'
import { useSession } from './session'

/** A client answering `me` with the given result, as the gateway would (a unit test of the store's logic). */
function answering(result: { data?: unknown; error?: unknown }): Client {
  return { query: () => ({ toPromise: async () => result }) } as unknown as Client
}

describe('the signed-in staff member', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the tenant by name and opens the menu of the roles', async () => {
    const s = useSession()
    await s.load(answering({ data: { me: { username: 'lianshan.clerk', displayName: null, roles: ['clerk', 'offline_access'],
      tenantCode: '441825', siteCode: null, tenant: { code: '441825', name: '连山壮族瑶族自治县' } } } }))
    expect(s.tenantName).toBe('连山壮族瑶族自治县')
    expect(s.roles).toEqual(['clerk'])
    expect(s.menu.map((m) => m.key)).toContain('queue')
    expect(s.may('approver')).toBe(false)
  })

  it('a provincial administrator without a tenant record shows the code', async () => {
    const s = useSession()
    await s.load(answering({ data: { me: { username: 'gd.admin', displayName: null, roles: ['provincial_admin'],
      tenantCode: '44', siteCode: null, tenant: null } } }))
    expect(s.tenantName).toBe('44')
    expect(s.menu.map((m) => m.key)).toEqual(['inbox', 'dashboard'])
  })

  it('keeps the API error to show instead of a menu', async () => {
    const s = useSession()
    await s.load(answering({ error: { graphQLErrors: [{ message: '需要登录' }], message: '[GraphQL] 需要登录' } }))
    expect(s.me).toBeNull()
    expect(s.error).toBe('需要登录')
    expect(s.menu).toEqual([])
  })
})
