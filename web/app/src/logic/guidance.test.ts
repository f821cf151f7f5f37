import { describe, expect, it } from 'vitest'
import { answer, numberAnswer, skippedText, tenantOf, ticketable, ticketLink, type GuidanceRoute } from './guidance'

const GA: GuidanceRoute = { channel: 'WINDOW', category: 'GA', categoryName: '户政',
  windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }], where: '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' }

describe('a guidance walk on the phone (G1, G2)', () => {
  it('a changed answer drops the answers after it (they may be off the new path)', () => {
    const given = [{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'NO' }]
    expect(answer(given, 'reason', 'LOST')).toEqual([{ questionId: 'reason', value: 'LOST' }])
    expect(answer(given.slice(0, 1), 'place', 'YES')).toEqual([{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'YES' }])
  })

  it('a number is taken when it is a whole number in one of the ranges', () => {
    const order = { options: [{ value: null, label: '第一至第三个孩子', min: 1, max: 3 }, { value: null, label: '第四个及以上', min: 4, max: null }] }
    expect(numberAnswer(order, ' 2 ')).toBe('2')
    expect(numberAnswer(order, '7')).toBe('7')
    expect(numberAnswer(order, '0')).toBeNull()
    expect(numberAnswer(order, '二')).toBeNull()
  })

  it('a ticket is offered from a window route naming a category and its windows, not from a kiosk or online route', () => {
    expect(ticketable(GA)).toBe(true)
    expect(ticketable({ ...GA, channel: 'KIOSK' })).toBe(false)
    expect(ticketable({ ...GA, channel: 'ONLINE' })).toBe(false)
    expect(ticketable({ ...GA, category: null, windows: [] })).toBe(false)
  })

  it("the ticket screen is sent the route's first hall, its category and the tap's key", () => {
    expect(ticketLink(GA as GuidanceRoute & { category: string }, tenantOf('441825:7d1f0c52'), 'k-1'))
      .toEqual({ path: '/ticket', query: { tenant: '441825', hall: '连山县政务服务中心', category: 'GA', key: 'k-1' } })
  })

  it('a part that does not apply says so and why', () => {
    expect(skippedText({ reason: '新生儿在父母户籍所在地落户，请到户籍地派出所办理' })).toBe('不需办理：新生儿在父母户籍所在地落户，请到户籍地派出所办理')
  })
})
