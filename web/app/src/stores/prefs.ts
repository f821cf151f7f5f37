import { defineStore } from 'pinia'

/** The citizen's own settings, kept on the phone: their region (every search names one) and the large-text mode (A7). */
export const REGIONS = [
  { code: '441825', name: '连山壮族瑶族自治县' },
  { code: '440781', name: '台山市' },
  { code: '411521', name: '罗山县' },
]

export const usePrefs = defineStore('prefs', {
  state: () => ({
    region: localStorage.getItem('zwy.region') ?? REGIONS[0].code,
    largeText: localStorage.getItem('zwy.largeText') === '1',
  }),
  getters: {
    regionName: (s) => REGIONS.find((r) => r.code === s.region)?.name ?? s.region,
  },
  actions: {
    setRegion(code: string) { this.region = code; localStorage.setItem('zwy.region', code) },
    toggleLargeText() {
      this.largeText = !this.largeText
      localStorage.setItem('zwy.largeText', this.largeText ? '1' : '0')
      document.documentElement.classList.toggle('large-text', this.largeText)
    },
  },
})
