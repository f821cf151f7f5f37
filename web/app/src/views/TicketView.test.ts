import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import urql from '@urql/vue'
import { gateway } from './gatewayStub'
import { Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Switch } from 'vant'
import TicketView from './TicketView.vue'
import { i18n } from '../i18n'
import { GRAPHQL } from '../keys'


const settle = async () => { for (let i = 0; i < 8; i++) { await flushPromises(); await new Promise((r) => setTimeout(r, 0)) } }

const HALLS = { halls: [{ id: '441825:main', name: '连山县政务服务中心' }, { id: '441825:town', name: '吉田镇便民服务中心' }] }
const VISIT = { itemName: '出生一件事', outcome: null, subItem: null, materials: ['居民身份证', '出生医学证明', '结婚证'], packageId: '441825:birth',
  parts: [
    { itemName: '出生医学证明', channel: 'WINDOW', outcome: '首次签发', subItem: null, materials: ['居民身份证', '出生医学证明'] },
    { itemName: '生育登记', channel: 'ONLINE', outcome: '生育登记（网上即办）', subItem: null, materials: ['居民身份证', '结婚证'] }],
  skipped: [{ itemName: '出生登记', reason: '新生儿在父母户籍所在地落户，请到户籍地派出所办理' }] }

async function mountAt(path: string, answer: (op: { query: string; variables: Record<string, unknown> }) => unknown) {
  const { client, calls } = gateway(answer)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push(path)
  const wrapper = mount(TicketView, { global: {
    plugins: [router, createPinia(), i18n, [urql, client], Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Switch],
    provide: { [GRAPHQL as symbol]: async () => client },
  } })
  await settle()
  return { wrapper, router, calls }
}

const PACKAGE_TICKET = '/ticket?tenant=441825&hall=%E8%BF%9E%E5%B1%B1%E5%8E%BF%E6%94%BF%E5%8A%A1%E6%9C%8D%E5%8A%A1%E4%B8%AD%E5%BF%83'
  + '&package=441825:birth&key=tap-1&a=married:YES&a=who@3:NEWBORN'

describe('the one ticket of a package walk on the ticket screen (一窗受理, G3)', () => {
  beforeEach(() => { localStorage.clear(); setActivePinia(createPinia()) })

  it("takes it with the package and the walk's answers, no category, and shows the package's visit", async () => {
    const { wrapper, router, calls } = await mountAt(PACKAGE_TICKET, ({ query }) => {
      if (query.includes('takeTicket')) return { takeTicket: { ticket: { id: '441825:t9', number: 'A012', businessCategory: 'A' } } }
      if (query.includes('myTicket')) return { myTicket: { id: '441825:t9', number: 'A012', businessCategory: 'A', status: 'WAITING', windowName: null,
        position: 3, peopleAhead: 2, expectedWaitMinutes: 10, visit: VISIT } }
      if (query.includes('myPendingReviews')) return { myPendingReviews: { edges: [] } }
      if (query.includes('hallQueue')) return { hallQueue: { categories: [], waiting: [] } }
      return HALLS
    })
    const take = calls.find((c) => c.query.includes('takeTicket'))
    expect(take?.variables).toEqual({ input: { idempotencyKey: 'tap-1', tenantCode: '441825', hallId: '441825:main', packageId: '441825:birth',
      packageAnswers: [{ questionId: 'married', value: 'YES' }, { questionId: 'who@3', value: 'NEWBORN' }] } })
    expect(router.currentRoute.value.fullPath).toBe('/ticket')
    expect(wrapper.find('[data-test=ticket-number]').text()).toBe('A012')
    // the group's title (vant renders it beside the group)
    expect(wrapper.text()).toContain('一窗受理：综合受理窗口')
    expect(wrapper.find('[data-test=visit-item]').text()).toContain('出生一件事')
    const parts = wrapper.findAll('[data-test=visit-part]')
    expect(parts.map((p) => p.attributes('data-part'))).toEqual(['出生医学证明', '生育登记'])
    expect(parts[0].text()).toContain('材料：居民身份证、出生医学证明')
    expect(parts[1].text()).toContain('也可网上办理')
    expect(wrapper.find('[data-test=visit-skipped]').text()).toContain('不需办理：新生儿在父母户籍所在地落户')
    expect(wrapper.find('[data-test=visit-materials]').text()).toContain('居民身份证、出生医学证明、结婚证')
  })

  it("shows the server's refusal at the top with the way back to the package walk, and no ticket", async () => {
    const words = '吉田镇便民服务中心没有综合受理窗口，请到连山县政务服务中心 1号窗口（综合受理窗口1）一窗受理'
    const { client } = gateway(({ query }) => (query.includes('takeTicket') ? null : query.includes('hallQueue')
      ? { hallQueue: { categories: [], waiting: [] } } : HALLS))
    // the refusal as the gateway words it (errors beside no data)
    const refusing = { ...client, mutation: () => ({ toPromise: async () => ({ error: { graphQLErrors: [{ message: words,
      extensions: { code: 'RULE_VIOLATION', field: 'packageId', rule: 'G3' } }] } }) }) }
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    await router.push(PACKAGE_TICKET)
    const wrapper = mount(TicketView, { global: {
      plugins: [router, createPinia(), i18n, [urql, client], Button, Cell, CellGroup, Empty, Field, Loading, NavBar, Switch],
      provide: { [GRAPHQL as symbol]: async () => refusing },
    } })
    await settle()
    expect(wrapper.find('[data-test=ticket-refused]').text()).toContain(words)
    expect(wrapper.find('[data-test=ticket]').exists()).toBe(false)
    await wrapper.find('[data-test=back-to-walk]').trigger('click')
    await settle()
    expect(decodeURIComponent(router.currentRoute.value.path)).toBe('/packages/441825:birth')
  })
})
