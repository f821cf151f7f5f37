export * from './auth'
export * from './graphql'
export * from './format'
export * from './roles'
