import type { InjectionKey } from 'vue'
import type { Auth } from '@zwy/shared'

export const AUTH: InjectionKey<Auth> = Symbol('auth')
