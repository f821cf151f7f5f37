import { defineStore } from 'pinia'
import type { Client } from '@urql/core'
import { errorText } from '@zwy/shared'
import {
  advice, answering, issueKey, partAnswers, stepBack,
  type Advice, type Answer, type ItemWalk, type PackageWalk, type Ticket,
} from '../logic/guideDesk'

const ROUTE = 'route { channel category categoryName windows { hall number name } where }'
const QUESTION = 'id text type help options { value label min max next }'
const OUTCOME = `id title subItem channel notApplicable notes materials { name required copies } ${ROUTE}`

export const ITEM_WALK = `query GuideItem($itemId: ID!, $answers: [GuidanceAnswerInput!]) { guidance(itemId: $itemId, answers: $answers) {
  itemId name answered { questionId question value label } next { ${QUESTION} } complete outcome { ${OUTCOME} } } }`
export const PACKAGE_WALK = `query GuidePackage($packageId: ID!, $answers: [GuidanceAnswerInput!]) { packageGuidance(packageId: $packageId, answers: $answers) {
  packageId name answered { key question value label askedFor } next { key askedFor question { ${QUESTION} } } complete
  parts { itemId name complete applies outcome { ${OUTCOME} } ${ROUTE} } materials { name usedBy } skipped { itemName reason } } }`
export const TAKE = `mutation GuidedTicket($input: TakeTicketInput!) { takeTicket(input: $input) { ticket {
  id number businessCategory kind position peopleAhead expectedWaitMinutes takenAt replayed visit { itemId itemName outcome subItem materials } } } }`

type Picked = { kind: 'item' | 'package'; id: string; name: string }

/**
 * The guides' desk (G1): the item or package picked, the answers given, the walk the API answered, and the ticket
 * issued for the citizen. Every answer asks the API again with all answers so far (only the questions on the path are
 * asked); a ticket is issued with the item and the answers, and the same key is reused until it is issued.
 */
export const useGuideDesk = defineStore('guideDesk', {
  state: () => ({
    picked: null as Picked | null,
    answers: [] as Answer[],
    item: null as ItemWalk | null,
    pkg: null as PackageWalk | null,
    error: '',
    loading: false,
    ticket: null as Ticket | null,
    /** the item the ticket was issued for (a package's part) */
    ticketFor: '',
    key: '',
  }),
  getters: {
    complete: (s): boolean => (s.item?.complete ?? s.pkg?.complete) === true,
    /** Where the item's outcome sends the citizen (null until the walk is complete). */
    itemAdvice: (s): Advice | null => s.item?.complete ? advice(s.item.outcome, s.item.outcome?.route ?? null) : null,
  },
  actions: {
    reset() {
      this.picked = null
      this.answers = []
      this.item = null
      this.pkg = null
      this.error = ''
      this.ticket = null
      this.ticketFor = ''
      this.key = ''
    },
    async pick(client: Client, picked: Picked) {
      this.reset()
      this.picked = picked
      await this.walk(client)
    },
    async answer(client: Client, questionId: string, value: string) {
      const answered = this.item?.answered ?? this.pkg?.answered ?? []
      this.answers = answering(answered, this.answers, questionId, value)
      await this.walk(client)
    },
    async back(client: Client) {
      this.answers = stepBack(this.item?.answered ?? this.pkg?.answered ?? [], this.answers)
      await this.walk(client)
    },
    async walk(client: Client) {
      if (!this.picked) return
      this.loading = true
      this.error = ''
      this.ticket = null
      this.key = ''
      const item = this.picked.kind === 'item'
      const r = await client.query(item ? ITEM_WALK : PACKAGE_WALK,
        item ? { itemId: this.picked.id, answers: this.answers } : { packageId: this.picked.id, answers: this.answers },
        { requestPolicy: 'network-only' }).toPromise()
      this.loading = false
      if (r.error) { this.error = errorText(r.error); return }
      if (item) this.item = r.data.guidance as ItemWalk
      else this.pkg = r.data.packageGuidance as PackageWalk
    },
    /**
     * Issues the walk-in ticket for the citizen at the hall (A5, G1): for the item walked, or for one part of the
     * package walked (its own answers). The server checks the role, the route and the hall's windows again.
     */
    async issue(client: Client, tenantCode: string, hallId: string, greenChannel: boolean, partItemId?: string) {
      const itemId = partItemId ?? this.item?.itemId
      if (!itemId) return
      const answers = partItemId && this.pkg
        ? partAnswers(this.pkg.answered, this.pkg.parts.find((p) => p.itemId === partItemId)?.name ?? '')
        : this.answers
      if (!this.key || this.ticketFor !== itemId) this.key = issueKey()
      this.ticketFor = itemId
      this.loading = true
      this.error = ''
      const r = await client.mutation(TAKE, { input: { idempotencyKey: this.key, tenantCode, hallId, itemId, guidanceAnswers: answers,
        greenChannel } }).toPromise()
      this.loading = false
      if (r.error) { this.error = errorText(r.error); return }
      this.ticket = r.data.takeTicket.ticket as Ticket
    },
    /** The next citizen: the same item, new answers and a new ticket. */
    async next(client: Client) {
      const picked = this.picked
      if (picked) await this.pick(client, picked)
    },
  },
})
