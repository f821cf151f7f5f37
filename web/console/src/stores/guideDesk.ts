import { defineStore } from 'pinia'
import type { Client } from '@urql/core'
import { errorText } from '@zwy/shared'
import {
  advice, answering, issueKey, packageAdvice, stepBack,
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
  id number businessCategory kind position peopleAhead expectedWaitMinutes takenAt replayed
  visit { itemId itemName outcome subItem materials packageId parts { itemName subItem channel } skipped { itemName reason } } } } }`

type Picked = { kind: 'item' | 'package'; id: string; name: string }

/**
 * The guides' desk (G1): the item or package picked, the answers given, the walk the API answered, and the ticket
 * issued for the citizen. Every answer asks the API again with all answers so far (only the questions on the path are
 * asked); a ticket is issued with the item and the answers — for a package, ONE ticket with the package and the walk's
 * answers, taken at the comprehensive windows (一窗受理, G3; ADR 0037) — and the same key is reused until it is issued.
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
    /** the item or package the key was made for */
    ticketFor: '',
    key: '',
  }),
  getters: {
    complete: (s): boolean => (s.item?.complete ?? s.pkg?.complete) === true,
    /** Where the item's outcome sends the citizen (null until the walk is complete). */
    itemAdvice: (s): Advice | null => s.item?.complete ? advice(s.item.outcome, s.item.outcome?.route ?? null) : null,
    /** Where a complete package walk sends the citizen: one ticket at the comprehensive windows, or no ticket (G3). */
    pkgAdvice: (s): Advice | null => packageAdvice(s.pkg),
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
     * Issues the walk-in ticket for the citizen at the hall (A5, G1): for the item walked with its answers, or ONE ticket
     * for the whole package walked with the walk's answers (G3: the comprehensive windows take every part). The server
     * checks the role, the walk, the route and the hall's windows again. A failed issuing keeps its key, so asking again
     * never makes two tickets.
     */
    async issue(client: Client, tenantCode: string, hallId: string, greenChannel: boolean) {
      const item = this.item?.itemId
      const pkg = item ? undefined : this.pkg?.packageId
      const subject = item ?? pkg
      if (!subject) return
      if (!this.key || this.ticketFor !== subject) this.key = issueKey()
      this.ticketFor = subject
      this.loading = true
      this.error = ''
      const input = item
        ? { idempotencyKey: this.key, tenantCode, hallId, itemId: item, guidanceAnswers: this.answers, greenChannel }
        : { idempotencyKey: this.key, tenantCode, hallId, packageId: pkg, packageAnswers: this.answers, greenChannel }
      const r = await client.mutation(TAKE, { input }).toPromise()
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
