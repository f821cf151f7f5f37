/**
 * What the guidance walks answer (G1, G2, G3): the shapes of `guidance` and `packageGuidance` the phone reads, and the
 * few rules the screens apply to them. The words are the app's own (Chinese only): the guidance screens are loaded on
 * demand, so their texts stay here and out of the first screen's messages (docs/web.md).
 */
export type Channel = 'KIOSK' | 'ONLINE' | 'WINDOW'

export interface RouteWindow { hall: string; number: string; name: string }
/** G1: where the applicant goes, as the server words it (`where`). */
export interface GuidanceRoute { channel: Channel; category: string | null; categoryName: string | null; windows: RouteWindow[]; where: string }

export interface Option { value: string | null; label: string; min: number | null; max: number | null }
export interface Question { id: string; text: string; type: 'CHOICE' | 'YES_NO' | 'NUMBER'; help: string | null; options: Option[] }
export interface Answer { questionId: string; value: string }
export interface SkippedPart { itemId: string; itemName: string; reason: string }
/** A part of a package walk: whether it applies, where its answers led and where to go. */
export interface PackagePart { itemId: string; name: string; applies: boolean; outcome: { title: string; notes: string | null } | null
  route: GuidanceRoute | null }

export const ROUTE_FIELDS = 'route { channel category categoryName windows { hall number name } where }'
export const QUESTION_FIELDS = 'id text type help options { value label min max }'

/** The channel as a tag beside the route (自助办, 全网办 of S2; the window otherwise). */
export const CHANNEL: Record<Channel, string> = { KIOSK: '自助办理', ONLINE: '网上办理', WINDOW: '窗口办理' }

/** How a skipped part reads: 不需办理：<reason>. */
export const skippedText = (s: Pick<SkippedPart, 'reason'>) => '不需办理：' + s.reason

/** A ticket can be taken from the route: the windows of a hall serve the item's queue category (A5). */
export function ticketable(r: GuidanceRoute | null | undefined): r is GuidanceRoute & { category: string } {
  return !!r && r.channel === 'WINDOW' && !!r.category && r.windows.length > 0
}

/** The tenant of an item or package id (<tenantCode>:<uuid>). */
export const tenantOf = (id: string) => id.split(':')[0]

/**
 * The ticket screen's address that takes the route's ticket on arrival: the route's first hall (the main hall comes
 * first), its category, and the idempotency key of this tap — a second tap, a reload or the way back from signing in
 * answer the same ticket.
 */
export function ticketLink(r: GuidanceRoute & { category: string }, tenantCode: string, key: string) {
  return { path: '/ticket', query: { tenant: tenantCode, hall: r.windows[0].hall, category: r.category, key } }
}

/**
 * The answers to send after the applicant (re)answers the question under `key`: the answers given before it on the
 * path, then this one. A changed answer drops the later ones (they may no longer be on the path).
 */
export function answer(given: Answer[], key: string, value: string): Answer[] {
  const at = given.findIndex((a) => a.questionId === key)
  return [...(at < 0 ? given : given.slice(0, at)), { questionId: key, value }]
}

/** A NUMBER answer falls in an option's range; null when it is no whole number or in no range. */
export function numberAnswer(q: Pick<Question, 'options'>, text: string): string | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return q.options.some((o) => (o.min == null || n >= o.min) && (o.max == null || n <= o.max)) ? String(n) : null
}
