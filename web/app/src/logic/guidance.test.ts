import { describe, expect, it } from 'vitest'
import { answer, answersOf, answersQuery, applyLink, numberAnswer, packageTicket, packageTicketLink, type PackagePart, partAnswers, skippedText, tenantOf, ticketable, ticketLink, walkedForm,
  walkLink, type GuidanceRoute, type WalkForForm } from './guidance'

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

  it("a walk's ticket names the item and the answers on its path, so the window sees what the citizen comes for (G1)", () => {
    const walked = { itemId: '441825:renewal', answers: [{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'NO' }] }
    expect(ticketLink(GA as GuidanceRoute & { category: string }, '441825', 'k-2', walked)).toEqual({ path: '/ticket', query: {
      tenant: '441825', hall: '连山县政务服务中心', category: 'GA', key: 'k-2', item: '441825:renewal', a: ['reason:EXPIRED', 'place:NO'] } })
  })

  it('the answers go through the address and come back the same, a value with a colon too; a malformed entry is left out', () => {
    const given = [{ questionId: 'kind', value: 'RETAIL' }, { questionId: 'note', value: 'a:b' }]
    expect(answersOf(answersQuery(given))).toEqual(given)
    expect(answersOf('order:2')).toEqual([{ questionId: 'order', value: '2' }])
    expect(answersOf(['order:2', ':x', 'nocolon', null])).toEqual([{ questionId: 'order', value: '2' }])
    expect(answersOf(undefined)).toEqual([])
  })

  it('在线申请 after a walk carries its answers; 修改 goes back to the walk with them', () => {
    const walked = { itemId: '441825:birth', answers: [{ questionId: 'order', value: '2' }, { questionId: 'married', value: 'NO' }] }
    expect(applyLink(walked)).toEqual({ path: '/apply/441825:birth', query: { a: ['order:2', 'married:NO'] } })
    expect(walkLink(walked)).toEqual({ path: '/guidance/441825:birth', query: { a: ['order:2', 'married:NO'] } })
    expect(walkLink({ itemId: '441825:birth', answers: [] })).toEqual({ path: '/guidance/441825:birth', query: {} })
  })

  it("a package part's ticket gets the answers on its own path, under the question's own id (G1, G3)", () => {
    const steps = [{ key: 'married', value: 'YES', askedFor: ['生育登记', '出生登记'] }, { key: 'first', value: 'NO', askedFor: ['社会保障卡申领'] },
      { key: 'who@2', value: 'NEWBORN', askedFor: ['出生登记'] }]
    expect(partAnswers(steps, '出生登记')).toEqual([{ questionId: 'married', value: 'YES' }, { questionId: 'who', value: 'NEWBORN' }])
    expect(partAnswers(steps, '出生医学证明办理')).toEqual([])
  })
})

describe('the online form after a walk (G2: nothing asked twice)', () => {
  const answered = [{ questionId: 'order', question: '这是您家的第几个孩子？', value: '2', label: '第一至第三个孩子' },
    { questionId: 'married', question: '夫妻双方是否已办理结婚登记？', value: 'NO', label: '否' }]
  const complete: WalkForForm = { complete: true, answered, next: null,
    outcome: { title: '生育登记（网上即办）', notApplicable: false, notes: null, materials: [{ name: '居民身份证', required: true }] } }

  it("offers only the outcome's materials and files the answers on the path", () => {
    expect(walkedForm(complete)).toEqual({ materials: [{ name: '居民身份证', required: true }],
      answers: [{ questionId: 'order', value: '2' }, { questionId: 'married', value: 'NO' }], why: null })
  })

  it('answers that no longer reach an outcome, or reach one that is not filed, say why and offer no materials', () => {
    const incomplete = walkedForm({ complete: false, answered: answered.slice(0, 1), next: { text: '夫妻双方是否已办理结婚登记？' }, outcome: null })
    expect(incomplete.why).toBe('情形引导尚未答完，还需回答：夫妻双方是否已办理结婚登记？')
    expect(incomplete.materials).toEqual([])
    const skipped = walkedForm({ ...complete, outcome: { title: '本县不办理出生登记', notApplicable: true, notes: '请到户籍地派出所办理', materials: [] } })
    expect(skipped.why).toBe('按您的情形无需办理本事项：本县不办理出生登记：请到户籍地派出所办理')
    expect(skipped.materials).toEqual([])
  })
})

describe('一窗受理: one ticket for a whole package walk (G3, ADR 0037)', () => {
  const route = (channel: 'WINDOW' | 'ONLINE' | 'KIOSK', hall?: string) => ({ channel, category: channel === 'WINDOW' ? 'GA' : null,
    categoryName: null, windows: hall ? [{ hall, number: '10', name: '公安窗口' }] : [], where: '…' })
  const part = (name: string, applies: boolean, r: ReturnType<typeof route> | null): PackagePart =>
    ({ itemId: '441825:' + name, name, applies, outcome: null, route: r })

  it('is offered once the walk is complete and a part that applies needs a window, for every applying part, at its hall', () => {
    const parts = [part('生育登记', true, route('ONLINE')), part('出生登记', false, null),
      part('城乡居民医保参保', true, route('WINDOW', '连山县政务服务中心')), part('社会保障卡申领', true, route('KIOSK'))]
    expect(packageTicket({ complete: true, parts })).toEqual({ hall: '连山县政务服务中心', parts: ['生育登记', '城乡居民医保参保', '社会保障卡申领'] })
    expect(packageTicket({ complete: false, parts })).toBeNull()
    expect(packageTicket(null)).toBeNull()
  })

  it('is not offered when every part that applies is done online or at a kiosk (the server would send the citizen there, G1)', () => {
    expect(packageTicket({ complete: true, parts: [part('生育登记', true, route('ONLINE')), part('社会保障卡申领', true, route('KIOSK')),
      part('出生登记', false, route('WINDOW', '连山县政务服务中心'))] })).toBeNull()
  })

  it('a window part without a route or windows still gets the ticket, the hall then left to the tenant\'s first', () => {
    expect(packageTicket({ complete: true, parts: [part('出生医学证明', true, null)] })).toEqual({ hall: null, parts: ['出生医学证明'] })
  })

  it("the ticket screen's address carries the package, the walk's keys and answers, the hall and the tap's key", () => {
    const answers = [{ questionId: 'married', value: 'YES' }, { questionId: 'who@3', value: 'NEWBORN' }]
    expect(packageTicketLink('441825:birth', '连山县政务服务中心', 'k1', answers)).toEqual({ path: '/ticket',
      query: { tenant: '441825', package: '441825:birth', key: 'k1', a: ['married:YES', 'who@3:NEWBORN'], hall: '连山县政务服务中心' } })
    expect(answersOf(packageTicketLink('441825:birth', null, 'k1', answers).query.a)).toEqual(answers)
    expect(packageTicketLink('441825:birth', null, 'k1', answers).query.hall).toBeUndefined()
  })
})
