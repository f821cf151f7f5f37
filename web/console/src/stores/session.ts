import { defineStore } from 'pinia'
import type { Client } from '@urql/core'
import { menuFor, platformRoles, type MenuEntry } from '@zwy/shared'

export interface Me {
  username: string
  displayName: string | null
  roles: string[]
  tenantCode: string | null
  siteCode: string | null
  tenant: { code: string; name: string } | null
}

export const ME = `query Me { me { username displayName roles tenantCode siteCode tenant { code name } } }`

/** The signed-in staff member as the API sees them (me): tenant, site, roles, and the menu those roles open. */
export const useSession = defineStore('session', {
  state: () => ({ me: null as Me | null, error: '' }),
  getters: {
    roles: (s): string[] => platformRoles(s.me?.roles ?? []),
    menu(): MenuEntry[] { return menuFor(this.roles) },
    tenantName: (s): string => s.me?.tenant?.name ?? s.me?.tenantCode ?? '',
  },
  actions: {
    async load(client: Client) {
      const r = await client.query(ME, {}).toPromise()
      if (r.error) { this.error = r.error.graphQLErrors[0]?.message ?? r.error.message; return }
      this.me = r.data.me as Me
    },
    may(...roles: string[]): boolean {
      return roles.some((r) => this.roles.includes(r))
    },
  },
})
