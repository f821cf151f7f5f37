import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { usePrefs } from './prefs'

describe("the citizen's settings", () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.className = ''
    setActivePinia(createPinia())
  })

  it('large-text mode (A7) scales the page and is remembered on the phone', () => {
    const p = usePrefs()
    expect(p.largeText).toBe(false)
    p.toggleLargeText()
    expect(document.documentElement.classList.contains('large-text')).toBe(true)
    setActivePinia(createPinia())
    expect(usePrefs().largeText).toBe(true)
  })

  it('the region every search names is remembered, with its name', () => {
    const p = usePrefs()
    expect(p.region).toBe('441825')
    p.setRegion('440781')
    expect(p.regionName).toBe('台山市')
    setActivePinia(createPinia())
    expect(usePrefs().region).toBe('440781')
  })
})
