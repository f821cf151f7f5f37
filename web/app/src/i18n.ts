import { createI18n } from 'vue-i18n'
// precompiled at build time (@intlify/unplugin-vue-i18n): the phone downloads vue-i18n's runtime, not its message compiler
import zh from './locales/zh-CN.json'

// Chinese by default (and the only language of the H5 app so far)
export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zh } })
