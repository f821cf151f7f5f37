import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useNewest } from './live'

describe('the case a page shows', () => {
  it('follows the pushes and never goes back to an older version', async () => {
    const answer = ref<{ version: number; status: string } | null>(null)
    const pushed = ref<{ version: number; status: string } | null>(null)
    const shown = useNewest(() => answer.value, () => pushed.value)
    expect(shown.value).toBeNull()
    answer.value = { version: 1, status: 'SUBMITTED' }
    await nextTick()
    expect(shown.value?.status).toBe('SUBMITTED')
    pushed.value = { version: 2, status: 'ACCEPTED' }
    await nextTick()
    expect(shown.value?.status).toBe('ACCEPTED')
    // a late answer of the query, older than what was pushed, is not shown
    answer.value = { version: 1, status: 'SUBMITTED' }
    await nextTick()
    expect(shown.value?.status).toBe('ACCEPTED')
  })
})
