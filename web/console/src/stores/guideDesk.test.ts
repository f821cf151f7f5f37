import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Client } from '@urql/core'
import { useGuideDesk } from './guideDesk'

type Sent = { kind: 'query' | 'mutation'; variables: Record<string, unknown> }

/** A client answering each call with the next result, recording what was sent (a unit test of the store's logic). */
function answering(results: { data?: unknown; error?: unknown }[], sent: Sent[]): Client {
  const next = (kind: Sent['kind']) => (_doc: string, variables: Record<string, unknown>) => {
    sent.push({ kind, variables })
    const r = results.shift() ?? {}
    return { toPromise: async () => r }
  }
  return { query: next('query'), mutation: next('mutation') } as unknown as Client
}

const question = { id: 'reason', text: '换领原因', type: 'CHOICE', help: null,
  options: [{ value: 'EXPIRED', label: '有效期满', min: null, max: null, next: 'o1' }] }
const open = { itemId: '441825:card', name: '居民身份证换领', answered: [], next: question, complete: false, outcome: null }
const done = (channel: string) => ({ itemId: '441825:card', name: '居民身份证换领', next: null, complete: true,
  answered: [{ questionId: 'reason', question: '换领原因', value: 'EXPIRED', label: '有效期满' }],
  outcome: { id: 'o1', title: '有效期满换领', subItem: '换领', channel, notApplicable: false, notes: null,
    materials: [{ name: '居民户口簿', required: true, copies: 1 }],
    route: { channel, category: 'GA', categoryName: '户政', windows: [], where: '请取“GA”号（户政），到10号公安窗口办理' } } })

describe('the guides\' desk (G1)', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('walks the item with every answer so far and issues the ticket with the item and the answers', async () => {
    const sent: Sent[] = []
    const ticket = { id: '441825:t', number: 'GA001', businessCategory: 'GA', kind: 'GREEN', position: 1, peopleAhead: 0,
      expectedWaitMinutes: 0, takenAt: '2026-12-03T01:00:00Z', replayed: false,
      visit: { itemId: '441825:card', itemName: '居民身份证换领', outcome: '有效期满换领', subItem: '换领', materials: ['居民户口簿'] } }
    const client = answering([{ data: { guidance: open } }, { data: { guidance: done('WINDOW') } },
      { data: { takeTicket: { ticket } } }], sent)
    const desk = useGuideDesk()
    await desk.pick(client, { kind: 'item', id: '441825:card', name: '居民身份证换领' })
    expect(desk.item?.next?.text).toBe('换领原因')
    await desk.answer(client, 'reason', 'EXPIRED')
    expect(sent[1].variables).toEqual({ itemId: '441825:card', answers: [{ questionId: 'reason', value: 'EXPIRED' }] })
    expect(desk.itemAdvice).toMatchObject({ kind: 'WINDOW', ticket: true })
    await desk.issue(client, '441825', 'hall-1', true)
    const input = sent[2].variables.input as Record<string, unknown>
    expect(sent[2].kind).toBe('mutation')
    expect(input).toMatchObject({ tenantCode: '441825', hallId: 'hall-1', itemId: '441825:card', greenChannel: true,
      guidanceAnswers: [{ questionId: 'reason', value: 'EXPIRED' }] })
    expect(desk.ticket?.number).toBe('GA001')
  })

  it('asks again with the same key after a failure, so a retry never makes two tickets', async () => {
    const sent: Sent[] = []
    const client = answering([{ data: { guidance: done('WINDOW') } },
      { error: { graphQLErrors: [{ message: '网络超时', extensions: {} }], message: 'x' } }, { error: { networkError: new Error('x') } }], sent)
    const desk = useGuideDesk()
    await desk.pick(client, { kind: 'item', id: '441825:card', name: '居民身份证换领' })
    await desk.issue(client, '441825', 'hall-1', false)
    expect(desk.error).toBe('网络超时')
    await desk.issue(client, '441825', 'hall-1', false)
    const k1 = (sent[1].variables.input as Record<string, unknown>).idempotencyKey
    const k2 = (sent[2].variables.input as Record<string, unknown>).idempotencyKey
    expect(k1).toBeTruthy()
    expect(k2).toBe(k1)
  })

  it('a kiosk outcome sends the citizen to the self-service area and offers no ticket', async () => {
    const desk = useGuideDesk()
    await desk.pick(answering([{ data: { guidance: done('KIOSK') } }], []), { kind: 'item', id: '441825:card', name: '居民身份证换领' })
    expect(desk.itemAdvice).toMatchObject({ kind: 'KIOSK', ticket: false })
    expect(desk.itemAdvice?.text).toContain('请到自助服务区办理')
  })

  it('shows the API\'s refusal in its words', async () => {
    const desk = useGuideDesk()
    await desk.pick(answering([{ error: { graphQLErrors: [{ message: '未找到该事项', extensions: { field: 'itemId' } }] } }], []),
      { kind: 'item', id: '441825:none', name: '?' })
    expect(desk.error).toBe('未找到该事项（itemId）')
  })

  it('a whole package: ONE ticket with the package and the walk\'s answers, its key kept until it is issued (G3)', async () => {
    const sent: Sent[] = []
    const part = (name: string, applies: boolean) => ({ itemId: '441825:' + name, name, complete: true, applies,
      outcome: { ...done('WINDOW').outcome, notApplicable: !applies }, route: done('WINDOW').outcome.route })
    const walk = { packageId: '441825:birth', name: '出生一件事', next: null, complete: true, materials: [{ name: '居民身份证', usedBy: [] }],
      skipped: [{ itemName: '出生登记', reason: '户籍不在本县' }],
      answered: [{ key: 'married', question: '已婚', value: 'YES', label: '是', askedFor: ['生育登记', '出生登记'] },
        { key: 'who@3', question: '谁', value: 'NEWBORN', label: '新生儿', askedFor: ['出生登记'] }],
      parts: [part('出生医学证明办理', true), part('出生登记', false), part('生育登记', true)] }
    const ticket = { id: '441825:t', number: 'A012', businessCategory: 'A', kind: 'WALK_IN', position: 1, peopleAhead: 0,
      expectedWaitMinutes: 0, takenAt: '2026-12-03T01:00:00Z', replayed: false,
      visit: { itemId: '441825:birth', itemName: '出生一件事', outcome: null, subItem: null, materials: ['居民身份证'], packageId: '441825:birth',
        parts: [{ itemName: '出生医学证明办理', subItem: null, channel: 'WINDOW' }, { itemName: '生育登记', subItem: null, channel: 'WINDOW' }],
        skipped: [{ itemName: '出生登记', reason: '户籍不在本县' }] } }
    const client = answering([{ data: { packageGuidance: { ...walk, answered: [], complete: false, next: { key: 'married' } } } },
      { data: { packageGuidance: { ...walk, answered: walk.answered.slice(0, 1) } } }, { data: { packageGuidance: walk } },
      { error: { networkError: new Error('x') } }, { data: { takeTicket: { ticket } } }], sent)
    const desk = useGuideDesk()
    await desk.pick(client, { kind: 'package', id: '441825:birth', name: '出生一件事' })
    await desk.answer(client, 'married', 'YES')
    await desk.answer(client, 'who@3', 'NEWBORN')
    expect(desk.pkgAdvice).toMatchObject({ kind: 'WINDOW', ticket: true })
    expect(desk.pkgAdvice?.text).toContain('出生医学证明办理、生育登记')
    await desk.issue(client, '441825', 'hall-1', false)
    expect(desk.ticket).toBeNull()
    await desk.issue(client, '441825', 'hall-1', false)
    const mutations = sent.filter((x) => x.kind === 'mutation').map((x) => x.variables.input as Record<string, unknown>)
    expect(mutations).toHaveLength(2)
    expect(mutations[0]).toMatchObject({ tenantCode: '441825', hallId: 'hall-1', packageId: '441825:birth',
      packageAnswers: [{ questionId: 'married', value: 'YES' }, { questionId: 'who@3', value: 'NEWBORN' }] })
    expect(mutations[0]).not.toHaveProperty('itemId')
    expect(mutations[1].idempotencyKey).toBe(mutations[0].idempotencyKey)
    expect(desk.ticket?.number).toBe('A012')
  })
})
