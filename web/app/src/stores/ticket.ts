import { defineStore } from 'pinia'
import { errorText } from '../../../shared/src/errors'

/** The part of the GraphQL client the ticket needs (urql's Client; a stand-in in the tests). */
export interface Requests {
  query(query: string, variables: Record<string, unknown>): { toPromise(): Promise<Answered> }
  mutation(query: string, variables: Record<string, unknown>): { toPromise(): Promise<Answered> }
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
interface Answered { data?: any; error?: Parameters<typeof errorText>[0] }

export interface TakeTicket { idempotencyKey: string; tenantCode: string; hallId: string; businessCategory?: string; greenChannel?: boolean
  itemId?: string; guidanceAnswers?: { questionId: string; value: string }[]
  packageId?: string; packageAnswers?: { questionId: string; value: string }[] }

export const HALLS = 'query Halls($t: ID!) { halls(tenantCode: $t) { id name } }'
export const TAKE = `mutation Take($input: TakeTicketInput!) { takeTicket(input: $input) { ticket { id number businessCategory } } }`

/**
 * The citizen's queue ticket (A5), kept on the phone (its id) until it is finished or missed: taken on the ticket
 * screen by picking a hall and a category, or in one tap from a guidance route (G1), which names the hall and the
 * category serving the item — from a walk for the item itself with its answers (G1), so the window sees what the citizen
 * comes for — or from a package walk ONE ticket for the whole package (一窗受理, G3). The server's refusal is kept in Chinese for the screen to show under the control.
 */
export const useTicket = defineStore('ticket', {
  state: () => ({ id: localStorage.getItem('zwy.ticket') ?? '', taking: false, error: '' }),
  actions: {
    set(id: string) { this.id = id; localStorage.setItem('zwy.ticket', id) },
    clear() { this.id = ''; localStorage.removeItem('zwy.ticket') },
    /** takeTicket; the ticket's id is kept, or the refusal in `error`. */
    async take(client: Requests, input: TakeTicket): Promise<boolean> {
      this.error = ''
      this.taking = true
      try {
        const r = await client.mutation(TAKE, { input }).toPromise()
        if (r.error || !r.data?.takeTicket) { this.error = errorText(r.error) || '取号失败，请稍后重试'; return false }
        this.set(r.data.takeTicket.ticket.id)
        return true
      } finally {
        this.taking = false
      }
    },
    /**
     * G1: the ticket a guidance route sends to — the hall it names (by name, as the route gives it; the tenant's first
     * hall when it is not found) and its queue category, under the tap's idempotency key. From a walk (`itemId`, its
     * `answers`): the ticket for the item, the category left to the server (it walks the answers again and takes the
     * category of the windows serving the item, or says where to go instead: the self-service area, another hall). From a
     * package walk (`packageId`, the walk's `answers`): ONE ticket for the whole package at the hall's comprehensive windows
     * (一窗受理, G3), the category the server's (or where to go instead: a hall without comprehensive windows, G3; every
     * part at the kiosk or online, G1).
     */
    async takeAtHall(client: Requests, to: { tenantCode: string; hallName: string; category?: string; key: string; itemId?: string
      packageId?: string; answers?: { questionId: string; value: string }[] }): Promise<boolean> {
      this.error = ''
      const halls = await client.query(HALLS, { t: to.tenantCode }).toPromise()
      const list = (halls.data?.halls ?? []) as { id: string; name: string }[]
      const hall = list.find((h) => h.name === to.hallName) ?? list[0]
      if (!hall) { this.error = errorText(halls.error) || '没有找到办理大厅，请在下方选择大厅取号'; return false }
      const base = { idempotencyKey: to.key, tenantCode: to.tenantCode, hallId: hall.id }
      if (to.packageId) return this.take(client, { ...base, packageId: to.packageId, packageAnswers: to.answers ?? [] })
      return this.take(client, to.itemId
        ? { ...base, itemId: to.itemId, ...(to.answers?.length ? { guidanceAnswers: to.answers } : {}) }
        : { ...base, businessCategory: to.category })
    },
  },
})
