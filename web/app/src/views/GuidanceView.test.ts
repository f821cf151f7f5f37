import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import urql from '@urql/vue'
import { gateway } from './gatewayStub'
import type { Client } from '@urql/core'
import { Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Tag } from 'vant'
import GuidanceView from './GuidanceView.vue'
import PackageView from './PackageView.vue'


function mountView(view: unknown, id: string, client: Client) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const wrapper = mount(view as any, { props: { id }, global: { plugins: [router, [urql, client], Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Tag] } })
  return { wrapper, router }
}


const settle = async () => { for (let i = 0; i < 5; i++) { await flushPromises(); await new Promise((r) => setTimeout(r, 0)) } }

const REASON = { id: 'reason', text: '您为什么要办理身份证？', type: 'CHOICE', help: null,
  options: [{ value: 'EXPIRED', label: '有效期满或即将期满', min: null, max: null }, { value: 'LOST', label: '证件丢失', min: null, max: null }] }
const GA = { channel: 'WINDOW', category: 'GA', categoryName: '户政', windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }],
  where: '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' }

describe("an item's guidance walk on the phone (G1, G2)", () => {
  it('asks the next question, sends the answers given, and at the end shows where to go with the ticket in one tap', async () => {
    const { client, calls } = gateway(({ variables }) => {
      const answered = (variables.a as unknown[]).length > 0
      return { guidance: { name: '居民身份证换领', complete: answered,
        answered: answered ? [{ questionId: 'reason', question: REASON.text, value: 'EXPIRED', label: '有效期满或即将期满' }] : [],
        next: answered ? null : REASON,
        outcome: answered ? { title: '居民身份证换领（户籍地）', subItem: '居民身份证换领', channel: 'WINDOW', notes: '到窗口现场采集相片和指纹',
          notApplicable: false, materials: [{ name: '居民户口簿', required: true }, { name: '原居民身份证', required: true }], route: GA } : null } }
    })
    const { wrapper, router } = mountView(GuidanceView, '441825:renewal', client)
    await settle()
    expect(wrapper.find('[data-test=question] h2').text()).toBe('您为什么要办理身份证？')
    await wrapper.find('[data-test=option-EXPIRED]').trigger('click')
    await settle()
    expect(calls.at(-1)?.variables).toEqual({ id: '441825:renewal', a: [{ questionId: 'reason', value: 'EXPIRED' }] })
    expect(wrapper.find('[data-test=question]').exists()).toBe(false)
    expect(wrapper.find('[data-test=outcome]').text()).toContain('居民身份证换领（户籍地）')
    expect(wrapper.find('[data-test=route-where]').text()).toBe('请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理')
    expect(wrapper.find('[data-test=outcome-materials]').text()).toContain('原居民身份证')
    await wrapper.find('[data-test=take-ticket]').trigger('click')
    await settle()
    // the ticket is the item's, with the answers on the walk's path (G1): the window sees what the citizen comes for
    expect(router.currentRoute.value.query).toMatchObject({ tenant: '441825', hall: '连山县政务服务中心', category: 'GA',
      item: '441825:renewal' })
    expect([router.currentRoute.value.query.a].flat()).toEqual(['reason:EXPIRED'])
  })

  it('keeps the answers in the address, starts from them, and 在线申请 of an online outcome carries them on (G2)', async () => {
    const { client, calls } = gateway(() => ({ guidance: { name: '生育登记', complete: true,
      answered: [{ questionId: 'order', question: '这是您家的第几个孩子？', value: '2', label: '第一至第三个孩子' },
        { questionId: 'married', question: '夫妻双方是否已办理结婚登记？', value: 'NO', label: '否' }], next: null,
      outcome: { title: '生育登记（网上即办）', subItem: null, channel: 'ONLINE', notes: null, notApplicable: false,
        materials: [{ name: '居民身份证', required: true }], route: { channel: 'ONLINE', category: null, categoryName: null, windows: [], where: '网上办理，无需到大厅' } } } }))
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    await router.push('/guidance/441825:birth?a=order:2&a=married:NO')
    const wrapper = mount(GuidanceView, { props: { id: '441825:birth' }, global: { plugins: [router, [urql, client], Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Tag] } })
    await settle()
    expect(calls[0].variables).toEqual({ id: '441825:birth', a: [{ questionId: 'order', value: '2' }, { questionId: 'married', value: 'NO' }] })
    expect(wrapper.find('[data-test=outcome]').text()).toContain('生育登记（网上即办）')
    await wrapper.find('[data-test=apply]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/apply/441825:birth')
    expect(router.currentRoute.value.query.a).toEqual(['order:2', 'married:NO'])
  })

  it('an item that does not apply says 不需办理 and why, with no route', async () => {
    const { client } = gateway(() => ({ guidance: { name: '出生登记', complete: true, answered: [], next: null,
      outcome: { title: '本县不办理出生登记', subItem: null, channel: 'WINDOW', notes: '请到户籍地派出所或其政务服务窗口办理', notApplicable: true, materials: [], route: null } } }))
    const { wrapper } = mountView(GuidanceView, '441825:household', client)
    await settle()
    expect(wrapper.find('[data-test=not-applicable]').text()).toContain('不需办理：本县不办理出生登记')
    expect(wrapper.find('[data-test=not-applicable]').text()).toContain('请到户籍地派出所')
    expect(wrapper.find('[data-test=route]').exists()).toBe(false)
  })
})

describe('a package walk on the phone (G1, G2, G3)', () => {
  it('shows each part that applies with where to go and the skipped part with why', async () => {
    sessionStorage.clear()
    const { client } = gateway(({ query }) => (query.includes('servicePackage(')
      ? { servicePackage: { id: '441825:birth', name: '出生一件事', tenantName: '连山', description: null,
        items: [{ itemId: '441825:a', name: '生育登记', department: null }, { itemId: '441825:b', name: '出生登记', department: null }] } }
      : { packageGuidance: { complete: true, answered: [], next: null,
        parts: [{ itemId: '441825:a', name: '生育登记', applies: true, outcome: { title: '生育登记（网上即办）', notes: null },
          route: { channel: 'ONLINE', category: 'A', categoryName: '综合受理', windows: [], where: '网上办理，无需到大厅' } },
        { itemId: '441825:b', name: '出生登记', applies: false, outcome: { title: '本县不办理出生登记', notes: null }, route: null }],
        skipped: [{ itemId: '441825:b', itemName: '出生登记', reason: '新生儿在父母户籍所在地落户，请到户籍地派出所办理' }],
        materials: [{ name: '居民身份证', required: true, usedBy: ['生育登记'] }] } }))
    const { wrapper } = mountView(PackageView, '441825:birth', client)
    await settle()
    expect(wrapper.findAll('[data-test=part]').map((p) => p.attributes('data-part'))).toEqual(['生育登记'])
    expect(wrapper.find('[data-test=part] [data-test=route-channel]').text()).toBe('网上办理')
    expect(wrapper.find('[data-test=skipped-part]').text()).toContain('不需办理：新生儿在父母户籍所在地落户')
    expect(wrapper.find('[data-test=package-apply]').exists()).toBe(true)
  })

  it('a complete walk with a part at a window offers ONE 取号 for the whole package (一窗受理, G3) and no ticket per part', async () => {
    sessionStorage.clear()
    const GA_WINDOW = { channel: 'WINDOW', category: 'GA', categoryName: '户政', windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }],
      where: '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' }
    const { client } = gateway(({ query, variables }) => (query.includes('servicePackage(')
      ? { servicePackage: { id: '441825:birth', name: '出生一件事', tenantName: '连山', description: null,
        items: [{ itemId: '441825:a', name: '生育登记', department: null }, { itemId: '441825:c', name: '出生医学证明', department: null }] } }
      : (variables.a as unknown[]).length === 0
        ? { packageGuidance: { complete: false, answered: [], next: { key: 'married', askedFor: ['生育登记'], question: { id: 'married', text: '是否已办理结婚登记？',
          type: 'YES_NO', help: null, options: [{ value: 'YES', label: '是', min: null, max: null }, { value: 'NO', label: '否', min: null, max: null }] } },
          parts: [], skipped: [], materials: null } }
        : { packageGuidance: { complete: true, answered: [{ key: 'married', question: '是否已办理结婚登记？', value: 'YES', label: '是', askedFor: ['生育登记'] }],
          next: null, parts: [
            { itemId: '441825:a', name: '生育登记', applies: true, outcome: { title: '生育登记（网上即办）', notes: null },
              route: { channel: 'ONLINE', category: null, categoryName: null, windows: [], where: '网上办理，无需到大厅' } },
            { itemId: '441825:c', name: '出生医学证明', applies: true, outcome: null, route: GA_WINDOW }],
          skipped: [], materials: [{ name: '居民身份证', required: true, usedBy: ['生育登记', '出生医学证明'] }] } }))
    const { wrapper, router } = mountView(PackageView, '441825:birth', client)
    await settle()
    expect(wrapper.find('[data-test=package-ticket]').exists()).toBe(false)
    await wrapper.find('[data-test=option-YES]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=package-ticket-text]').text()).toBe('整个“出生一件事”在综合受理窗口一窗受理，只取一个号：生育登记、出生医学证明')
    // the parts' routes stay as information (the online part still says so), without a ticket per part
    expect(wrapper.findAll('[data-test=part] [data-test=route-where]').map((w) => w.text())).toEqual(['网上办理，无需到大厅', '单独办理时：' + GA_WINDOW.where])
    expect(wrapper.find('[data-test=part] [data-test=route-channel]').text()).toBe('网上办理')
    expect(wrapper.findAll('[data-test=take-ticket]')).toHaveLength(0)
    await wrapper.find('[data-test=take-package-ticket]').trigger('click')
    await settle()
    const taken = router.currentRoute.value
    expect(taken.path).toBe('/ticket')
    expect(taken.query).toMatchObject({ tenant: '441825', hall: '连山县政务服务中心', package: '441825:birth' })
    expect([taken.query.a].flat()).toEqual(['married:YES'])
    expect(taken.query.item).toBeUndefined()
    expect(taken.query.category).toBeUndefined()
    // a second tap asks for the same ticket (the same idempotency key)
    const key = taken.query.key
    await router.push('/packages/441825:birth')
    await wrapper.find('[data-test=take-package-ticket]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.key).toBe(key)
  })

  it('a walk whose applying parts are all online or at a kiosk offers no package ticket', async () => {
    sessionStorage.clear()
    const { client } = gateway(({ query }) => (query.includes('servicePackage(')
      ? { servicePackage: { id: '441825:birth', name: '出生一件事', tenantName: '连山', description: null, items: [{ itemId: '441825:a', name: '生育登记', department: null }] } }
      : { packageGuidance: { complete: true, answered: [], next: null, parts: [{ itemId: '441825:a', name: '生育登记', applies: true, outcome: null,
        route: { channel: 'ONLINE', category: null, categoryName: null, windows: [], where: '网上办理，无需到大厅' } }], skipped: [], materials: [] } }))
    const { wrapper } = mountView(PackageView, '441825:birth', client)
    await settle()
    expect(wrapper.find('[data-test=parts]').exists()).toBe(true)
    expect(wrapper.find('[data-test=package-ticket]').exists()).toBe(false)
  })
})
