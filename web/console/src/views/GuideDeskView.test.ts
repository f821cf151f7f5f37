import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import urql from '@urql/vue'
import { Client, getOperationName, makeResult, type Exchange, type Operation } from '@urql/core'
import { filter, fromValue, mergeMap, pipe } from 'wonka'
import GuideDeskView from './GuideDeskView.vue'
import { i18n } from '../i18n'
import { useSession } from '../stores/session'

const QUESTION = { id: 'reason', text: '换领原因', type: 'CHOICE', help: null,
  options: [{ value: 'EXPIRED', label: '有效期满', min: null, max: null, next: 'o1' }, { value: 'LOST', label: '丢失', min: null, max: null, next: 'o2' }] }
const outcome = (channel: string) => ({ id: 'o1', title: '有效期满换领', subItem: '换领', channel, notApplicable: false, notes: null,
  materials: [{ name: '居民户口簿', required: true, copies: 1 }, { name: '近期免冠照片', required: true, copies: 1 }],
  route: { channel, category: 'GA', categoryName: '户政', windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }],
    where: channel === 'KIOSK' ? '到大厅自助服务区的自助终端办理' : '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' } })

/** The gateway as the screen sees it: answers by operation name; what was asked is recorded. */
function platform(channel: string, asked: Operation[]): Client {
  const answer = (op: Operation): Record<string, unknown> | null => {
    switch (getOperationName(op.query)) {
      case 'GuideHalls': return { halls: [{ id: 'hall-1', name: '连山县政务服务中心' }] }
      case 'GuideItems': return { items: { edges: [{ node: { id: '441825:card', name: '居民身份证换领', basicCode: '00012' } }] } }
      case 'GuideItem': {
        const given = (op.variables as { answers: unknown[] }).answers
        return { guidance: given.length
          ? { itemId: '441825:card', name: '居民身份证换领', next: null, complete: true, outcome: outcome(channel),
              answered: [{ questionId: 'reason', question: '换领原因', value: 'EXPIRED', label: '有效期满' }] }
          : { itemId: '441825:card', name: '居民身份证换领', answered: [], next: QUESTION, complete: false, outcome: null } }
      }
      case 'GuidePackages': return { servicePackages: [{ id: '441825:birth', name: '出生一件事', lifeEventLabel: '出生' }] }
      case 'GuidePackage': {
        const given = (op.variables as { answers: unknown[] }).answers
        const part = (name: string, applies: boolean, ch = 'WINDOW') => ({ itemId: '441825:' + name, name, complete: given.length > 0,
          applies, outcome: given.length ? { ...outcome(ch), notApplicable: !applies, title: applies ? name : '户籍不在本县' } : null,
          route: given.length && applies ? outcome(ch).route : null })
        return { packageGuidance: { packageId: '441825:birth', name: '出生一件事', complete: given.length > 0,
          answered: given.length ? [{ key: 'sameHousehold', question: '是否随父母在本县落户', value: 'NO', label: '否', askedFor: ['出生登记'] }] : [],
          next: given.length ? null : { key: 'sameHousehold', askedFor: ['出生登记'], question: { ...QUESTION, id: 'sameHousehold', text: '是否随父母在本县落户',
            options: [{ value: 'NO', label: '否', min: null, max: null, next: 'x' }] } },
          parts: [part('出生医学证明办理', true), part('出生登记', false), part('社会保障卡申领', true, 'KIOSK')],
          materials: given.length ? [{ name: '居民身份证', usedBy: ['出生医学证明办理'] }] : null,
          skipped: given.length ? [{ itemName: '出生登记', reason: '户籍不在本县' }] : [] } }
      }
      case 'GuidedTicket': if ((op.variables as { input: { packageId?: string } }).input.packageId) {
        return { takeTicket: { ticket: { id: '441825:p', number: 'A012', businessCategory: 'A', kind: 'WALK_IN', position: 1, peopleAhead: 0,
          expectedWaitMinutes: 0, takenAt: '2026-12-03T01:00:00Z', replayed: false,
          visit: { itemId: '441825:birth', itemName: '出生一件事', outcome: null, subItem: null, materials: ['居民身份证'], packageId: '441825:birth',
            parts: [{ itemName: '出生医学证明办理', subItem: null, channel: 'WINDOW' }, { itemName: '社会保障卡申领', subItem: null, channel: 'KIOSK' }],
            skipped: [{ itemName: '出生登记', reason: '户籍不在本县' }] } } } }
      }
      return { takeTicket: { ticket: { id: '441825:t', number: 'GA007', businessCategory: 'GA', kind: 'GREEN',
        position: 2, peopleAhead: 1, expectedWaitMinutes: 5, takenAt: '2026-12-03T01:00:00Z', replayed: false,
        visit: { itemId: '441825:card', itemName: '居民身份证换领', outcome: '有效期满换领', subItem: '换领', materials: ['居民户口簿', '近期免冠照片'] } } } }
      default: return null
    }
  }
  const exchange: Exchange = () => (ops$) => pipe(ops$, filter((op) => op.kind !== 'teardown'),
    mergeMap((op) => { asked.push(op); return fromValue(makeResult(op, { data: answer(op) })) }))
  return new Client({ url: 'http://gateway/graphql', exchanges: [exchange] })
}

async function open(channel: string, asked: Operation[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().me = { username: 'lianshan.clerk', displayName: null, roles: ['clerk'], tenantCode: '441825', siteCode: null,
    tenant: { code: '441825', name: '连山壮族瑶族自治县' } }
  const wrapper = mount(GuideDeskView, { global: { plugins: [pinia, ElementPlus, i18n, [urql, platform(channel, asked)]] } })
  await flushPromises()
  await wrapper.find('[data-test=guide-choice]').trigger('click')
  await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-question]').exists()).toBe(true) })
  const option = wrapper.findAll('[data-test=guide-option]').find((b) => b.text() === '有效期满')!
  await option.trigger('click')
  await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-outcome]').exists()).toBe(true) })
  return wrapper
}

describe('the guides\' desk (G1)', () => {
  beforeEach(() => localStorage.clear())

  it('walks the item, shows the materials and the window route, and issues the green-channel ticket to print', async () => {
    const asked: Operation[] = []
    const wrapper = await open('WINDOW', asked)
    expect(wrapper.find('[data-test=guide-route]').text()).toContain('10号公安窗口')
    expect(wrapper.findAll('[data-test=guide-materials] li').map((li) => li.text())).toEqual(['居民户口簿', '近期免冠照片'])
    await wrapper.find('[data-test=guide-green] input').setValue(true)
    await wrapper.find('[data-test=guide-issue]').trigger('click')
    await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-ticket-number]').exists()).toBe(true) })
    expect(wrapper.find('[data-test=guide-ticket-number]').text()).toBe('GA007')
    expect(wrapper.find('[data-test=guide-ticket]').text()).toContain('绿色通道')
    const taken = asked.find((op) => getOperationName(op.query) === 'GuidedTicket')!
    expect((taken.variables as { input: unknown }).input).toMatchObject({ tenantCode: '441825', hallId: 'hall-1', itemId: '441825:card',
      greenChannel: true, guidanceAnswers: [{ questionId: 'reason', value: 'EXPIRED' }] })
  })

  it('a kiosk outcome says 请到自助服务区办理 and offers no ticket', async () => {
    const wrapper = await open('KIOSK', [])
    expect(wrapper.find('[data-test=guide-route]').text()).toContain('请到自助服务区办理')
    expect(wrapper.find('[data-test=guide-issue]').exists()).toBe(false)
  })

  it('a whole package: one ticket at the comprehensive windows for every part that applies, none per part (G3)', async () => {
    const asked: Operation[] = []
    const pinia = createPinia()
    setActivePinia(pinia)
    useSession().me = { username: 'lianshan.guide', displayName: null, roles: ['guide'], tenantCode: '441825', siteCode: null,
      tenant: { code: '441825', name: '连山壮族瑶族自治县' } }
    const wrapper = mount(GuideDeskView, { global: { plugins: [pinia, ElementPlus, i18n, [urql, platform('WINDOW', asked)]] } })
    await flushPromises()
    const packages = wrapper.findAll('[data-test=guide-kind] label').find((l) => l.text() === '一件事')!
    await packages.find('input').setValue(true)
    await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-choice]').text()).toBe('出生一件事') })
    await wrapper.find('[data-test=guide-choice]').trigger('click')
    await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-question]').exists()).toBe(true) })
    await wrapper.find('[data-test=guide-option]').trigger('click')
    await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-package-outcome]').exists()).toBe(true) })
    expect(wrapper.find('[data-test=guide-package-route]').text()).toContain('综合受理窗口一窗受理')
    expect(wrapper.find('[data-test=guide-package-route]').text()).toContain('出生医学证明办理、社会保障卡申领')
    expect(wrapper.findAll('[data-test=guide-issue-part]')).toHaveLength(0)
    await wrapper.find('[data-test=guide-issue-package]').trigger('click')
    await vi.waitFor(async () => { await flushPromises(); expect(wrapper.find('[data-test=guide-ticket-number]').exists()).toBe(true) })
    expect(wrapper.find('[data-test=guide-ticket-number]').text()).toBe('A012')
    expect(wrapper.find('[data-test=guide-ticket]').text()).toContain('无需办理：出生登记')
    const taken = asked.filter((op) => getOperationName(op.query) === 'GuidedTicket')
    expect(taken).toHaveLength(1)
    expect((taken[0].variables as { input: unknown }).input).toMatchObject({ tenantCode: '441825', hallId: 'hall-1', packageId: '441825:birth',
      packageAnswers: [{ questionId: 'sameHousehold', value: 'NO' }] })
  })
})
