import { createApp } from 'vue'
import { createPinia } from 'pinia'
import urql from '@urql/vue'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import { createAuth, createGraphQl } from '@zwy/shared'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { useSession } from './stores/session'
import { AUTH } from './keys'

async function start() {
  // the hall's calling display is a public wall screen: no sign-in there (queueCalled is public)
  const display = window.location.pathname.startsWith('/console/display')
  const auth = await createAuth({ realm: 'staff', clientId: 'staff-console', required: !display })
  const client = createGraphQl(auth.token)
  const app = createApp(App)
  app.use(createPinia()).use(i18n).use(router).use(urql, client)
  app.provide(AUTH, auth)
  if (auth.signedIn()) await useSession().load(client)
  app.mount('#app')
}

start().catch((e) => {
  document.body.textContent = `工作台启动失败：${e instanceof Error ? e.message : String(e)}`
})
