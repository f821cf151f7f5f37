import { describe, expect, it } from 'vitest'
import tiles44 from '../maps/44-tiles.json'
import { approvedMap, clickedUnit, higherIsWorse, indicatorValue, mapData, mapOption, shortName, tilesToGeoJson, type TileSet, type Unit } from './provinceMap'
import type { Figures } from './dashboard'

const figures = (accepted: number, onTimeRate: number | null, complaints = 0): Figures => ({
  accepted, completed: accepted, completedOnTime: accepted, onTimeRate, overdue: 1, visits: 0, reviews: 0, goodRate: 0.9,
  unratedRate: null, complaints, complaintsVerified: 0,
})
const set: TileSet = { province: '44', tiles: [
  { code: '441825', name: '连山壮族瑶族自治县', city: '4418', cityName: '清远市', x: 2, y: 1 },
  { code: '441826', name: '连南瑶族自治县', city: '4418', cityName: '清远市', x: 1, y: 1 },
  { code: '440781', name: '台山市', city: '4407', cityName: '江门市', x: 3, y: 4 },
] }
const units: Unit[] = [{ key: '441825', name: '连山', rank: 1, figures: figures(12, 0.975, 2) }, { key: '440781', name: '台山', rank: 2, figures: figures(5, null) }]

describe('the province map: every county a tile (示意图)', () => {
  it('the repository\'s tiles of Guangdong: every county-level division once, no two on one cell, 连山 among them', () => {
    const t = (tiles44 as TileSet).tiles
    expect(t).toHaveLength(124)
    expect(new Set(t.map((x) => x.code)).size).toBe(124)
    expect(new Set(t.map((x) => `${x.x},${x.y}`)).size).toBe(124)
    expect(t.find((x) => x.code === '441825')).toMatchObject({ name: '连山壮族瑶族自治县', city: '4418' })
    expect(Math.min(...t.map((x) => x.x))).toBe(0)
    expect(Math.min(...t.map((x) => x.y))).toBe(0)
  })
  it('a tile is a closed square in its cell, rows downwards; a city keeps only its counties', () => {
    const fc = tilesToGeoJson(set)
    expect(fc.features).toHaveLength(3)
    const ring = (fc.features[0].geometry.coordinates as number[][][])[0]
    expect(ring[0]).toEqual(ring[4])
    expect(Math.min(...ring.map((p) => p[0]))).toBeCloseTo(2.06)
    expect(Math.max(...ring.map((p) => p[1]))).toBeCloseTo(-1.06)
    expect(fc.features[0].properties).toMatchObject({ code: '441825', name: '连山壮族瑶族自治县' })
    expect(tilesToGeoJson(set, '4407').features.map((f) => f.properties.code)).toEqual(['440781'])
  })
  it('a deployment\'s approved map is taken only as a FeatureCollection naming every county by its code', () => {
    expect(approvedMap('<!doctype html>')).toBeNull()
    expect(approvedMap({ type: 'FeatureCollection', features: [] })).toBeNull()
    expect(approvedMap({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '连山' }, geometry: {} }] })).toBeNull()
    const ok = { type: 'FeatureCollection', reviewNumber: '粤S（2026）001号', features: [{ type: 'Feature', properties: { code: '441825' }, geometry: { type: 'Polygon', coordinates: [] } }] }
    expect(approvedMap(ok)?.reviewNumber).toBe('粤S（2026）001号')
  })
})

describe('coloured by the indicator, drilled into by a click', () => {
  it('counts as they are, rates in percent, none as none', () => {
    expect(indicatorValue(figures(12, 0.975), 'VOLUME')).toBe(12)
    expect(indicatorValue(figures(12, 0.975), 'ON_TIME_RATE')).toBe(97.5)
    expect(indicatorValue(figures(12, null), 'ON_TIME_RATE')).toBeNull()
    expect(indicatorValue(figures(12, null, 3), 'COMPLAINTS')).toBe(3)
    expect(higherIsWorse('COMPLAINTS')).toBe(true)
    expect(higherIsWorse('GOOD_RATE')).toBe(false)
  })
  it('every tile has an entry; a county not on the platform has no value and stays grey', () => {
    const data = mapData(tilesToGeoJson(set), units, 'VOLUME')
    expect(data.map((d) => [d.code, d.value, d.hasData])).toEqual([['441825', 12, true], ['441826', null, false], ['440781', 5, true]])
    const option = mapOption('zwy-44', data, 'VOLUME', '受理量', true)
    expect(option.visualMap).toMatchObject({ min: 5, max: 12 })
    expect(option.series[0]).toMatchObject({ type: 'map', map: 'zwy-44', nameProperty: 'code' })
    expect(option.tooltip.formatter({ data: data[1] })).toContain('未接入平台')
    expect(option.tooltip.formatter({ data: data[0] })).toContain('第 1 名')
  })
  it('one value only still makes a range; worse-when-higher indicators run to red', () => {
    const data = mapData(tilesToGeoJson(set), units.slice(0, 1), 'COMPLAINTS')
    const option = mapOption('zwy-44', data, 'COMPLAINTS', '投诉件数', true)
    expect(option.visualMap).toMatchObject({ min: 2, max: 3 })
    expect(option.visualMap.inRange.color.at(-1)).toBe('#c45656')
  })
  it('a tile is labelled with two characters of the name, without its kind', () => {
    expect(['连山壮族瑶族自治县', '英德市', '越秀区', '东莞市', '乳源瑶族自治县', '清新区', '城区'].map(shortName))
      .toEqual(['连山', '英德', '越秀', '东莞', '乳源', '清新', '城区'])
  })
  it('a click on a county of the platform drills into it; elsewhere nothing', () => {
    expect(clickedUnit({ data: { code: '441825' } }, units)?.name).toBe('连山')
    expect(clickedUnit({ data: { code: '441826' } }, units)).toBeNull()
    expect(clickedUnit(undefined, units)).toBeNull()
  })
})
