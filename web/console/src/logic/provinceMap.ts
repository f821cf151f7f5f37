/**
 * The province map of the comparison dashboard (M2, ADR 0033): the counties coloured by the chosen indicator, a click
 * drills into the county. Without an approved base map (标准地图 with its 审图号) the counties are drawn as a schematic
 * tile map (示意图, 每县一格: src/maps/<province>-tiles.json, made by scripts/province-tiles.mjs); a deployment that
 * has the province's approved map puts it at /console/maps/<province>.json (web/console/public/maps/ before the build)
 * and it is drawn instead, its 审图号 shown under it.
 */
import type { Figures, Indicator } from './dashboard'

export interface Tile { code: string; name: string; city: string; cityName: string; x: number; y: number }
export interface TileSet { province: string; tiles: Tile[] }

/** A GeoJSON FeatureCollection as ECharts' registerMap takes it (the properties name the county by its code). */
export interface FeatureCollection {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[]
  /** An approved map's review number (审图号), shown with it. */
  reviewNumber?: string
}

const GAP = 0.06

/**
 * The tiles as squares in a plane (x to the right, rows downwards as north is up), one feature per county with its
 * code and name; {@code city} (a 4-digit code) keeps only that city's counties. The coordinates are grid cells, not
 * degrees: nothing here is a boundary.
 */
export function tilesToGeoJson(set: TileSet, city?: string): FeatureCollection {
  const tiles = set.tiles.filter((t) => !city || t.city === city)
  return {
    type: 'FeatureCollection',
    features: tiles.map((t) => {
      const x0 = t.x + GAP
      const x1 = t.x + 1 - GAP
      const y0 = -t.y - GAP
      const y1 = -t.y - 1 + GAP
      return {
        type: 'Feature',
        properties: { code: t.code, name: t.name, cityName: t.cityName },
        geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
      }
    }),
  }
}

/** An approved map a deployment provides: a FeatureCollection whose features carry the county code in properties.code. */
export function approvedMap(json: unknown): FeatureCollection | null {
  if (!json || typeof json !== 'object') return null
  const fc = json as Partial<FeatureCollection>
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features) || fc.features.length === 0) return null
  if (!fc.features.every((f) => f && typeof f.properties?.code === 'string' && f.geometry)) return null
  return fc as FeatureCollection
}

/** The figure of an indicator to colour by: counts as they are, rates in percent; null where there is none. */
export function indicatorValue(f: Figures, indicator: Indicator): number | null {
  const pct = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 10)
  switch (indicator) {
    case 'VOLUME': return f.accepted
    case 'ON_TIME_RATE': return pct(f.onTimeRate)
    case 'OVERDUE': return f.overdue
    case 'GOOD_RATE': return pct(f.goodRate)
    case 'UNRATED_RATE': return pct(f.unratedRate)
    case 'COMPLAINTS': return f.complaints
  }
}

/** Whether a larger figure is worse (red): overdue, unrated, complaints. Volume and the good rates are better when larger. */
export function higherIsWorse(indicator: Indicator): boolean {
  return indicator === 'OVERDUE' || indicator === 'UNRATED_RATE' || indicator === 'COMPLAINTS'
}

export interface Unit { key: string; name: string; rank: number; figures: Figures }

/** The map's data: one entry per county of the map, its value where the comparison has the county, else none (grey). */
export function mapData(map: FeatureCollection, units: Unit[], indicator: Indicator) {
  const byKey = new Map(units.map((u) => [u.key, u]))
  return map.features.map((f) => {
    const code = f.properties.code as string
    const u = byKey.get(code)
    const value = u ? indicatorValue(u.figures, indicator) : null
    return { name: code, code, county: (f.properties.name as string) ?? u?.name ?? code, value, rank: u?.rank ?? null, hasData: !!u }
  })
}

/** The ECharts option: the map series over the registered map, a continuous visual map over the values present. */
export function mapOption(mapName: string, data: ReturnType<typeof mapData>, indicator: Indicator, label: string, schematic: boolean) {
  const values = data.map((d) => d.value).filter((v): v is number => v != null)
  const max = values.length ? Math.max(...values) : 1
  const min = values.length ? Math.min(...values) : 0
  // green when larger is better (volume, the good rates), towards red when larger is worse (overdue, unrated, complaints)
  const colours = higherIsWorse(indicator) ? ['#fdf6ec', '#f3d19e', '#c45656'] : ['#e1f3d8', '#95d475', '#529b2e']
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { county: string; value: number | null; rank: number | null; hasData: boolean } }) =>
        !p.data ? '' : p.data.hasData ? `${p.data.county}<br/>${label}：${p.data.value ?? '—'}${p.data.rank ? `（第 ${p.data.rank} 名）` : ''}`
          : `${p.data.county}<br/>未接入平台`,
    },
    visualMap: {
      type: 'continuous', min, max: max === min ? min + 1 : max, calculable: false, left: 8, bottom: 8, text: ['高', '低'],
      inRange: { color: colours },
    },
    series: [{
      // a fixed layout: centred, 96 % of the smaller side (the browser test clicks a county where this puts it)
      type: 'map', map: mapName, nameProperty: 'code', aspectScale: schematic ? 1 : 0.75, roam: false, selectedMode: false,
      layoutCenter: ['50%', '50%'], layoutSize: '96%',
      label: { show: schematic, fontSize: 9, color: '#303133', formatter: (p: { data?: { county: string } }) => shortName(p.data?.county ?? '') },
      itemStyle: { areaColor: '#f0f2f5', borderColor: '#fff', borderWidth: 1 },
      emphasis: { itemStyle: { areaColor: '#79bbff' }, label: { show: true } },
      data,
    }],
  }
}

/** A county's name on its tile: two characters without the kind (连山壮族瑶族自治县 → 连山, 英德市 → 英德, 清新区 → 清新, 城区 → 城区). */
export function shortName(name: string): string {
  const bare = name.replace(/(壮族瑶族自治县|瑶族自治县|畲族自治县|自治县|区|县|市)$/, '')
  return [...([...bare].length >= 2 ? bare : name)].slice(0, 2).join('')
}

/** The county a click on the map drills into: a county the comparison has (a tenant of the platform), else none. */
export function clickedUnit(params: { data?: { code?: string } } | null | undefined, units: Unit[]): Unit | null {
  const code = params?.data?.code
  return code ? units.find((u) => u.key === code) ?? null : null
}
