import { createApp } from 'vue'
import { createPinia } from 'pinia'
import type { Client } from '@urql/core'
// the modules themselves, not the shared index: the first screen's chunk must not reach the GraphQL client's code
import { createAuth } from '../../shared/src/auth'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { AUTH, GRAPHQL } from './keys'
import { usePrefs } from './stores/prefs'

async function start() {
  // public pages (search, guides) need no sign-in; filing and following a case do (router guard below)
  const auth = await createAuth({ realm: 'citizen', clientId: 'citizen-app', required: false })
  const app = createApp(App)
  // urql (and graphql-ws for the live pages) is loaded with the first query, not with the first screen (docs/web.md):
  // the search asks for it as the citizen types; every other screen has it before it is created (the guard below)
  let graphql: Promise<Client> | null = null
  const client = () => graphql ??= Promise.all([import('@urql/vue'), import('../../shared/src/graphql')])
    .then(([urql, shared]) => {
      const c = shared.createGraphQl(auth.token)
      app.use(urql.default, c)
      return c
    })
  router.beforeEach(async (to) => {
    if (to.meta.signIn && !auth.signedIn()) {
      void auth.login(window.location.origin + '/app' + to.fullPath)
      return false
    }
    if (to.path !== '/') await client()
    return true
  })
  app.use(createPinia()).use(i18n).use(router)
  app.provide(AUTH, auth)
  app.provide(GRAPHQL, client)
  document.documentElement.classList.toggle('large-text', usePrefs().largeText)
  app.mount('#app')
}

start().catch((e) => {
  document.body.textContent = `加载失败：${e instanceof Error ? e.message : String(e)}`
})
