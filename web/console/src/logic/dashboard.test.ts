import { describe, expect, it } from 'vitest'
import { backTo, childLevel, downloadName, drillInto, drillVariables, exportPath, percent, periodChoices, startPlace, trendOption } from './dashboard'

describe('the comparison dashboard (M2)', () => {
  it('a province starts at its counties and drills county → hall → window → staff', () => {
    let p = startPlace('44', '广东省')
    expect(drillVariables(p)).toBeNull()
    expect(childLevel(p)).toBe('COUNTY')
    p = drillInto(p, { key: '441825', name: '连山' })
    expect(drillVariables(p)).toEqual({ tenantCode: '441825', hallKey: null, windowKey: null })
    p = drillInto(p, { key: 'hall-1', name: '连山政务服务中心' })
    p = drillInto(p, { key: '综合受理窗口 3 号', name: '综合受理窗口 3 号' })
    expect(drillVariables(p)).toEqual({ tenantCode: '441825', hallKey: 'hall-1', windowKey: '综合受理窗口 3 号' })
    // the staff are the bottom: a click there goes nowhere
    expect(childLevel(p)).toBeNull()
    expect(drillInto(p, { key: 'u', name: 'x' })).toEqual(p)
    expect(backTo(p, 0).path.map((c) => c.key)).toEqual(['441825'])
    expect(backTo(p, -1).path).toEqual([])
  })

  it("a county's staff stay inside their county", () => {
    const p = startPlace('441825', '连山')
    expect(drillVariables(p)?.tenantCode).toBe('441825')
    expect(childLevel(p)).toBe('HALL')
    expect(backTo(drillInto(p, { key: 'h', name: 'h' }), -1).path.map((c) => c.key)).toEqual(['441825'])
  })

  it('exports what is on screen through the gateway, every argument encoded', () => {
    expect(exportPath(startPlace('44', ''), '2026', 'ON_TIME_RATE')).toBe('/exports/county-comparison.xlsx?regionPrefix=44&period=2026&rankBy=ON_TIME_RATE')
    const p = drillInto(drillInto(startPlace('4418', ''), { key: '441825', name: '' }), { key: 'a&b=c', name: '' })
    expect(exportPath(p, '2026-Q4', 'VOLUME')).toBe('/exports/comparison-drill-down.xlsx?tenantCode=441825&hallKey=a%26b%3Dc&period=2026-Q4&rankBy=VOLUME')
  })

  it('offers months, quarters and years up to today', () => {
    expect(periodChoices('2026-12-02')).toEqual(['2026-12', '2026-11', '2026-10', '2026-Q4', '2026-Q3', '2026', '2025'])
    expect(periodChoices('2027-01-15')).toEqual(['2027-01', '2026-12', '2026-11', '2027-Q1', '2026-Q4', '2027', '2026'])
  })

  it('shows rates as percentages and the trend with rates on their own axis', () => {
    expect(percent(0.975)).toBe('97.5%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(null)).toBe('—')
    const f = { accepted: 10, completed: 8, completedOnTime: 6, onTimeRate: 0.75, overdue: 1, visits: 0, reviews: 0, goodRate: null, unratedRate: null, complaints: 0, complaintsVerified: 0 }
    const o = trendOption([{ period: '2026-11', figures: f }])
    expect(o.xAxis.data).toEqual(['2026-11'])
    expect(o.series[2]).toMatchObject({ yAxisIndex: 1, data: [75] })
    expect(o.series[3].data).toEqual([null])
  })

  it("names the download as the gateway's header says", () => {
    expect(downloadName("attachment; filename*=UTF-8''%E6%AF%94%E8%BE%83.xlsx", '/exports/x.xlsx?a=1')).toBe('比较.xlsx')
    expect(downloadName('attachment; filename="county-comparison-44-2026.xlsx"', '/x')).toBe('county-comparison-44-2026.xlsx')
    expect(downloadName(null, '/exports/county-comparison.xlsx?regionPrefix=44')).toBe('county-comparison.xlsx')
  })
})
