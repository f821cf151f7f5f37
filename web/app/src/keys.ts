import type { InjectionKey } from 'vue'
import type { Client } from '@urql/core'
import type { Auth } from '@zwy/shared'

export const AUTH: InjectionKey<Auth> = Symbol('auth')
/** The GraphQL client, loaded on first use (the first screen does without it until the citizen types: docs/web.md). */
export const GRAPHQL: InjectionKey<() => Promise<Client>> = Symbol('graphql')
