import { describe, expect, it } from 'vitest'
import { advice, answering, numberAnswer, packageAdvice, stepBack, ticketLines, type Outcome, type PackageWalk, type Route, type Ticket } from './guideDesk'

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

describe('a whole package (G3 一窗受理)', () => {
  const part = (name: string, channel: Outcome['channel'], applies = true) => ({ itemId: name, name, complete: true, applies,
    outcome: outcome(channel, !applies), route: applies ? route(channel) : null })
  const walk = (parts: ReturnType<typeof part>[]): PackageWalk => ({ packageId: '441825:p', name: '出生一件事', answered: [], next: null,
    complete: true, parts, materials: [], skipped: [] })
  it('one ticket at the comprehensive windows when a part that applies needs a window, naming the parts that apply', () => {
    const a = packageAdvice(walk([part('出生医学证明办理', 'WINDOW'), part('出生登记', 'WINDOW', false), part('社会保障卡申领', 'KIOSK')]))
    expect(a).toMatchObject({ kind: 'WINDOW', ticket: true })
    expect(a?.text).toContain('综合受理窗口一窗受理')
    expect(a?.text).toContain('出生医学证明办理、社会保障卡申领')
    expect(a?.text).not.toContain('出生登记')
  })
  it('no ticket when nothing that applies needs a window; none before the walk is complete', () => {
    expect(packageAdvice(walk([part('社会保障卡申领', 'KIOSK'), part('出生登记', 'WINDOW', false)]))).toMatchObject({ kind: 'KIOSK', ticket: false })
    expect(packageAdvice({ ...walk([]), complete: false })).toBeNull()
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
  it('a package ticket lists the parts taken at the one window and the ones not needed', () => {
    const t: Ticket = { id: '441825:y', number: 'A012', businessCategory: 'A', kind: 'WALK_IN', position: 1, peopleAhead: 0,
      expectedWaitMinutes: 0, takenAt: '2026-12-03T01:00:00Z', replayed: false,
      visit: { itemId: '441825:p', itemName: '出生一件事', outcome: null, subItem: null, materials: ['居民身份证'], packageId: '441825:p',
        parts: [{ itemName: '出生医学证明办理', subItem: null, channel: 'WINDOW' }, { itemName: '新生儿参保登记', subItem: '参保', channel: 'WINDOW' }],
        skipped: [{ itemName: '出生登记', reason: '户籍不在本县' }] } }
    expect(ticketLines(t, '连山县政务服务中心')).toEqual(['连山县政务服务中心', 'A012', '出生一件事', '一窗办理：出生医学证明办理、新生儿参保登记（参保）',
      '无需办理：出生登记', '前面还有 0 人，预计等候约 0 分钟', '请备齐：居民身份证'])
  })
})
