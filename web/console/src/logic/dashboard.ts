/** The comparison dashboard's logic (M2, ADR 0024): periods, the drill-down path, the trend chart, the export link. */

export type Indicator = 'VOLUME' | 'ON_TIME_RATE' | 'OVERDUE' | 'GOOD_RATE' | 'UNRATED_RATE' | 'COMPLAINTS'
export const INDICATORS: Indicator[] = ['VOLUME', 'ON_TIME_RATE', 'OVERDUE', 'GOOD_RATE', 'UNRATED_RATE', 'COMPLAINTS']

export interface Figures {
  accepted: number; completed: number; completedOnTime: number; onTimeRate: number | null; overdue: number; visits: number
  reviews: number; goodRate: number | null; unratedRate: number | null; complaints: number; complaintsVerified: number
}
export const FIGURES = 'accepted completed completedOnTime onTimeRate overdue visits reviews goodRate unratedRate complaints complaintsVerified'

/** One step down: a county (key: its tenant code), then one of its halls, then one of that hall's windows. */
export interface Crumb { level: 'COUNTY' | 'HALL' | 'WINDOW'; key: string; name: string }

/**
 * Where the dashboard stands. An administrator of a province or city starts at its counties (path empty); a county's
 * staff start inside their county (the first crumb fixed: they may not compare other counties).
 */
export interface Place { region: string | null; path: Crumb[] }

/** The place a caller starts from: a 2- or 4-digit region compares counties; a county's staff drill into their own. */
export function startPlace(tenantCode: string, tenantName: string): Place {
  return tenantCode.length <= 4 ? { region: tenantCode, path: [] } : { region: null, path: [{ level: 'COUNTY', key: tenantCode, name: tenantName }] }
}

/** The query to run where the dashboard stands: countyComparison at the top, comparisonDrillDown below. */
export function drillVariables(p: Place): { tenantCode: string; hallKey: string | null; windowKey: string | null } | null {
  if (p.path.length === 0) return null
  return { tenantCode: p.path[0].key, hallKey: p.path[1]?.key ?? null, windowKey: p.path[2]?.key ?? null }
}

/** The level a click on a unit goes down to, or null at the staff (the bottom). */
export function childLevel(p: Place): Crumb['level'] | null {
  return (['COUNTY', 'HALL', 'WINDOW'] as const)[p.path.length] ?? null
}

export function drillInto(p: Place, unit: { key: string; name: string }): Place {
  const level = childLevel(p)
  return level ? { ...p, path: [...p.path, { level, key: unit.key, name: unit.name }] } : p
}

/** Back to a crumb (index -1: the counties); a county's staff never go above their county. */
export function backTo(p: Place, index: number): Place {
  const floor = p.region ? 0 : 1
  return { ...p, path: p.path.slice(0, Math.max(index + 1, floor)) }
}

/** The gateway's .xlsx of what is on screen (ADR 0024): constant paths, every argument an encoded parameter. */
export function exportPath(p: Place, period: string, rankBy: Indicator): string {
  const v = drillVariables(p)
  const q = new URLSearchParams()
  if (!v) q.set('regionPrefix', p.region ?? '')
  else {
    q.set('tenantCode', v.tenantCode)
    if (v.hallKey) q.set('hallKey', v.hallKey)
    if (v.windowKey) q.set('windowKey', v.windowKey)
  }
  q.set('period', period)
  q.set('rankBy', rankBy)
  return (v ? '/exports/comparison-drill-down.xlsx?' : '/exports/county-comparison.xlsx?') + q.toString()
}

/** The periods to pick: this and the two previous months, this and the previous quarter, this and last year. */
export function periodChoices(today: string): string[] {
  const y = Number(today.slice(0, 4))
  const mo = Number(today.slice(5, 7))
  const month = (k: number) => {
    const d = new Date(Date.UTC(y, mo - 1 - k, 1))
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  }
  const q = Math.ceil(mo / 3)
  const prevQ = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
  return [month(0), month(1), month(2), `${y}-Q${q}`, prevQ, String(y), String(y - 1)]
}

/** A rate (0–1) as the halls read it: 97.5%; no rate, a dash. */
export function percent(x: number | null | undefined): string {
  return x == null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`
}

/** The trend as an ECharts option: cases accepted and overdue as bars, the on-time and good rates as lines in percent. */
export function trendOption(trend: { period: string; figures: Figures }[]) {
  const pct = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 10)
  return {
    // no animation: the figures are read, not watched (and a screenshot shows them drawn)
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理', '超期', '按时办结率', '好评率'], bottom: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: trend.map((t) => t.period) },
    yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: [
      { name: '受理', type: 'bar', data: trend.map((t) => t.figures.accepted) },
      { name: '超期', type: 'bar', data: trend.map((t) => t.figures.overdue) },
      { name: '按时办结率', type: 'line', yAxisIndex: 1, connectNulls: true, data: trend.map((t) => pct(t.figures.onTimeRate)) },
      { name: '好评率', type: 'line', yAxisIndex: 1, connectNulls: true, data: trend.map((t) => pct(t.figures.goodRate)) },
    ],
  }
}

/** The file name the browser saves: the gateway's Content-Disposition, else the path's. */
export function downloadName(disposition: string | null, path: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) return decodeURIComponent(star[1])
  const plain = disposition?.match(/filename="?([^";]+)"?/i)
  return plain ? plain[1] : path.slice(path.lastIndexOf('/') + 1, path.indexOf('?') < 0 ? undefined : path.indexOf('?'))
}
