import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { HALLS, TAKE, useTicket, type Requests } from './ticket'

/** A stand-in for the GraphQL client: the tenant's halls, and takeTicket answering a ticket or the server's refusal. */
function fakeClient(refusal?: { message: string; extensions: Record<string, unknown> }) {
  const sent: { query: string; variables: Record<string, unknown> }[] = []
  const answer = (data: unknown) => ({ toPromise: async () => data as never })
  const client: Requests = {
    query: (query, variables) => {
      sent.push({ query, variables })
      return answer({ data: { halls: [{ id: '441825:town', name: '吉田镇便民服务中心' }, { id: '441825:main', name: '连山县政务服务中心' }] } })
    },
    mutation: (query, variables) => {
      sent.push({ query, variables })
      return answer(refusal ? { error: { graphQLErrors: [refusal] } }
        : { data: { takeTicket: { ticket: { id: '441825:t1', number: 'GA003', businessCategory: 'GA' } } } })
    },
  }
  return { client, sent }
}

describe('the queue ticket from a guidance route (G1, A5)', () => {
  beforeEach(() => { localStorage.clear(); setActivePinia(createPinia()) })

  it('takes the ticket of the route\'s category at the hall the route names, with the tap\'s idempotency key, and keeps it on the phone', async () => {
    const { client, sent } = fakeClient()
    const ticket = useTicket()
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '连山县政务服务中心', category: 'GA', key: 'tap-1' })).toBe(true)
    expect(sent[0]).toEqual({ query: HALLS, variables: { t: '441825' } })
    expect(sent[1]).toEqual({ query: TAKE, variables: { input: { idempotencyKey: 'tap-1', tenantCode: '441825', hallId: '441825:main', businessCategory: 'GA' } } })
    expect(ticket.id).toBe('441825:t1')
    expect(localStorage.getItem('zwy.ticket')).toBe('441825:t1')
    // the ticket screen opened again shows it
    setActivePinia(createPinia())
    expect(useTicket().id).toBe('441825:t1')
  })

  it("keeps the server's refusal in Chinese for the screen, and no ticket", async () => {
    const { client } = fakeClient({ message: '该大厅没有窗口办理此类业务', extensions: { code: 'NOT_FOUND', field: 'businessCategory' } })
    const ticket = useTicket()
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '连山县政务服务中心', category: 'ZZ', key: 'tap-2' })).toBe(false)
    expect(ticket.error).toBe('该大厅没有窗口办理此类业务（businessCategory）')
    expect(ticket.id).toBe('')
  })

  it('from a walk takes the ticket for the item with its answers and leaves the category to the server (G1)', async () => {
    const { client, sent } = fakeClient()
    const ticket = useTicket()
    const answers = [{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'NO' }]
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '连山县政务服务中心', category: 'GA', key: 'tap-3',
      itemId: '441825:renewal', answers })).toBe(true)
    expect(sent[1]).toEqual({ query: TAKE, variables: { input: { idempotencyKey: 'tap-3', tenantCode: '441825', hallId: '441825:main',
      itemId: '441825:renewal', guidanceAnswers: answers } } })
  })

  it('where the server sends a walked citizen instead of a window is kept as it words it, and no ticket (G1)', async () => {
    const words = '按办事群众的情形（首次申领（自助机现场拍照）），“社会保障卡申领”可在自助终端办理：请到自助服务区办理，无需到窗口排队取号'
    const { client } = fakeClient({ message: words, extensions: { code: 'RULE_VIOLATION', field: 'itemId', rule: 'G1' } })
    const ticket = useTicket()
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '连山县政务服务中心', key: 'tap-4', itemId: '441825:card',
      answers: [{ questionId: 'first', value: 'YES' }, { questionId: 'photo', value: 'NO' }] })).toBe(false)
    expect(ticket.error).toBe(words + '（itemId）')
    expect(ticket.id).toBe('')
  })

  it('from a package walk takes ONE ticket for the whole package with the walk\'s answers, no category (一窗受理, G3)', async () => {
    const { client, sent } = fakeClient()
    const ticket = useTicket()
    const answers = [{ questionId: 'married', value: 'YES' }, { questionId: 'who@3', value: 'NEWBORN' }]
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '连山县政务服务中心', key: 'tap-5', packageId: '441825:birth', answers }))
      .toBe(true)
    expect(sent[1]).toEqual({ query: TAKE, variables: { input: { idempotencyKey: 'tap-5', tenantCode: '441825', hallId: '441825:main',
      packageId: '441825:birth', packageAnswers: answers } } })
    expect(ticket.id).toBe('441825:t1')
  })

  it('a hall without comprehensive windows: the package ticket is refused with where to go instead, and no ticket (G3)', async () => {
    const words = '吉田镇便民服务中心没有综合受理窗口，“出生一件事”请到连山县政务服务中心 1号窗口（综合受理窗口1）一窗受理'
    const { client } = fakeClient({ message: words, extensions: { code: 'RULE_VIOLATION', field: 'packageId', rule: 'G3' } })
    const ticket = useTicket()
    expect(await ticket.takeAtHall(client, { tenantCode: '441825', hallName: '吉田镇便民服务中心', key: 'tap-6', packageId: '441825:birth',
      answers: [{ questionId: 'married', value: 'YES' }] })).toBe(false)
    expect(ticket.error).toBe(words + '（packageId）')
    expect(ticket.id).toBe('')
  })
})
