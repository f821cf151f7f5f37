/** The first error's message in Chinese as the gateway wrote it, with the field it names (GraphQL error extensions). */
export function errorText(error: { graphQLErrors?: { message: string; extensions?: Record<string, unknown> }[]; networkError?: Error; message?: string } | undefined | null): string {
  if (!error) return ''
  const g = error.graphQLErrors?.[0]
  if (g) {
    const field = g.extensions?.field
    return field ? `${g.message}（${String(field)}）` : g.message
  }
  return error.networkError ? '网络连接失败，请稍后重试' : (error.message ?? '')
}
