import { createApp } from 'vue'
import { createPinia } from 'pinia'
import urql from '@urql/vue'
import { createAuth, createGraphQl } from '@zwy/shared'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { AUTH } from './keys'
import { usePrefs } from './stores/prefs'

async function start() {
  // public pages (search, guides) need no sign-in; filing and following a case do (router guard below)
  const auth = await createAuth({ realm: 'citizen', clientId: 'citizen-app', required: false })
  const client = createGraphQl(auth.token)
  router.beforeEach((to) => {
    if (to.meta.signIn && !auth.signedIn()) {
      void auth.login(window.location.origin + '/app' + to.fullPath)
      return false
    }
    return true
  })
  const app = createApp(App)
  app.use(createPinia()).use(i18n).use(router).use(urql, client)
  app.provide(AUTH, auth)
  document.documentElement.classList.toggle('large-text', usePrefs().largeText)
  app.mount('#app')
}

start().catch((e) => {
  document.body.textContent = `加载失败：${e instanceof Error ? e.message : String(e)}`
})
