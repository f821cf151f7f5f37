import { describe, expect, it } from 'vitest'
import { advice, answering, numberAnswer, partAnswers, stepBack, ticketLines, type Outcome, type Route, type Ticket } from './guideDesk'

const route = (channel: Route['channel']): Route => ({ channel, category: 'GA', categoryName: '户政',
  windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }], where: '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' })
const outcome = (channel: Outcome['channel'], notApplicable = false): Outcome => ({ id: 'o', title: '有效期满换领', subItem: '换领',
  channel, notApplicable, notes: notApplicable ? '户籍不在本县' : null, materials: [], route: notApplicable ? null : route(channel) })

describe('the answers a guide sends (G2)', () => {
  const answered = [{ questionId: 'reason', question: '换领原因', value: 'EXPIRED', label: '有效期满' },
    { questionId: 'place', question: '是否异地', value: 'NO', label: '否' }]
  const given = [{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'NO' }]
  it('a new answer follows the ones asked before it', () => {
    expect(answering(answered, given, 'photo', ' YES ')).toEqual([...given, { questionId: 'photo', value: 'YES' }])
  })
  it('an earlier answer changed drops the later ones: they may no longer be asked', () => {
    expect(answering(answered, given, 'reason', 'LOST')).toEqual([{ questionId: 'reason', value: 'LOST' }])
  })
  it('a step back forgets the last answer', () => {
    expect(stepBack(answered, given)).toEqual([{ questionId: 'reason', value: 'EXPIRED' }])
  })
  it('a package part gets the answers on its own path, under the question\'s own id', () => {
    const steps = [{ key: 'married', question: '已婚', value: 'YES', label: '是', askedFor: ['生育登记', '出生登记'] },
      { key: 'first', question: '首次', value: 'NO', label: '否', askedFor: ['社会保障卡申领'] },
      { key: 'who@2', question: '谁', value: 'NEWBORN', label: '新生儿', askedFor: ['出生登记'] }]
    expect(partAnswers(steps, '出生登记')).toEqual([{ questionId: 'married', value: 'YES' }, { questionId: 'who', value: 'NEWBORN' }])
  })
  it('a number is whole', () => {
    expect(numberAnswer(' 07 ')).toEqual({ value: '7', error: null })
    expect(numberAnswer('1.5').error).toBe('请输入整数')
    expect(numberAnswer('').error).toBe('请输入整数')
  })
})

describe('where the outcome sends the citizen (G1)', () => {
  it('a kiosk outcome: to the self-service area, no ticket', () => {
    const a = advice(outcome('KIOSK'), route('KIOSK'))
    expect(a).toMatchObject({ kind: 'KIOSK', ticket: false })
    expect(a.text).toContain('请到自助服务区办理')
  })
  it('online: no ticket', () => {
    expect(advice(outcome('ONLINE'), route('ONLINE'))).toMatchObject({ kind: 'ONLINE', ticket: false })
  })
  it('a window route: the windows serving the item, with a ticket', () => {
    expect(advice(outcome('WINDOW'), route('WINDOW'))).toEqual({ kind: 'WINDOW', text: route('WINDOW').where, ticket: true })
  })
  it('an item that does not apply: nowhere, and says why', () => {
    expect(advice(outcome('WINDOW', true), null)).toEqual({ kind: 'NONE', text: '无需办理：有效期满换领（户籍不在本县）', ticket: false })
  })
})

describe('the printed ticket slip', () => {
  it('says the number, what for, the green channel, who waits before and what to bring', () => {
    const t: Ticket = { id: '441825:x', number: 'GA003', businessCategory: 'GA', kind: 'GREEN', position: 3, peopleAhead: 2,
      expectedWaitMinutes: 10, takenAt: '2026-12-03T01:00:00Z', replayed: false,
      visit: { itemId: 'i', itemName: '居民身份证换领', outcome: '有效期满换领', subItem: '换领', materials: ['居民户口簿', '近期免冠照片'] } }
    expect(ticketLines(t, '连山县政务服务中心')).toEqual(['连山县政务服务中心', 'GA003', '居民身份证换领（换领）', '绿色通道',
      '前面还有 2 人，预计等候约 10 分钟', '请备齐：居民户口簿、近期免冠照片'])
  })
})
