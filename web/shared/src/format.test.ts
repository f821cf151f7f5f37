import { describe, expect, it } from 'vitest'
import { beijingTime, deadlineTone, safeHighlight, warningLabel } from './format'

describe('deadline colours of the inbox (C8)', () => {
  it('overdue is red whatever the days say', () => {
    expect(deadlineTone({ warning: 'OVERDUE', daysLeft: 2, deadline: '2026-12-08' })).toBe('overdue')
    expect(deadlineTone({ daysLeft: -1, deadline: '2026-12-01' })).toBe('overdue')
  })
  it('near the deadline is amber, otherwise green; not yet accepted has no colour', () => {
    expect(deadlineTone({ warning: 'NEAR_DEADLINE', daysLeft: 2, deadline: '2026-12-08' })).toBe('near')
    expect(deadlineTone({ daysLeft: 1, deadline: '2026-12-04' })).toBe('near')
    expect(deadlineTone({ daysLeft: 5, deadline: '2026-12-10' })).toBe('ok')
    expect(deadlineTone({ daysLeft: null, deadline: null })).toBe('none')
  })
})

describe('search highlights', () => {
  it('keeps the <em> marks and escapes everything else of the guide text', () => {
    expect(safeHighlight('<em>社会</em>保障卡申领')).toBe('<em>社会</em>保障卡申领')
    expect(safeHighlight('<img src=x onerror=alert(1)><em>卡</em>')).toBe('&lt;img src=x onerror=alert(1)&gt;<em>卡</em>')
  })
})

describe('times in Beijing time', () => {
  it('shows an instant as the halls read it', () => {
    expect(beijingTime('2026-12-02T18:05:00Z')).toBe('2026-12-03 02:05')
    expect(beijingTime(null)).toBe('')
  })
})

describe("Keycloak's redirect back", () => {
  it('is told apart from an ordinary page load', async () => {
    const { isSignInCallback } = await import('./auth')
    expect(isSignInCallback('#state=abc&session_state=x&code=123')).toBe(true)
    expect(isSignInCallback('#error=login_required&state=abc')).toBe(true)
    expect(isSignInCallback('')).toBe(false)
    expect(isSignInCallback('#/guides')).toBe(false)
  })
})

describe('the clock warning', () => {
  it('says nothing for NONE and names the others in Chinese', () => {
    expect(warningLabel('NONE')).toBeNull()
    expect(warningLabel(null)).toBeNull()
    expect(warningLabel('NEAR_DEADLINE')).toBe('即将到期')
    expect(warningLabel('OVERDUE')).toBe('已超期')
  })
})
